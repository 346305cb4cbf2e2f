# يعرضها `docket serve` فقط، فوق آخر نسخة تم بناؤها، ما دامت في البوابة مشكلات.
serve-problems-title = مشكلات تمنع البناء: { $count }
serve-problems-intro = تعرض هذه الصفحة آخر نسخة تم بناؤها. أصلح المشكلات أدناه واحفظ الملف: ستُعاد كل صفحة مفتوحة تلقائيًا.
serve-problem-help = طريقة الإصلاح:
serve-problem-source = السطر { $line } من { $file }:
