# تاريخ ورود المعلومات والجهة التي قدمتها.
submitted-on = تاريخ الورود
submitted-by = قدّمها

# The "submit information" section of a recommendation page ([contribute] in config.toml).
contribute-heading = تقديم معلومات
contribute-review = هل تعرف ما الذي تم بشأن هذه التوصية؟ يمكن للمؤسسة الوطنية لحقوق الإنسان ومنظمات المجتمع المدني وأي شخص آخر تقديم معلومات وأدلة. تراجع الأمانة كل مساهمة، وتطلب من المؤسسة المسؤولة الرد عليها، وتنشر التقييم مع مصدره؛ ولا تنشر اسمك أبداً دون موافقتك.
contribute-by-email = إرسال المعلومات بالبريد الإلكتروني
contribute-by-form = إرسال المعلومات عبر الاستمارة
