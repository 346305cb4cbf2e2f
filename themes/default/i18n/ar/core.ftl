# Docket، السمة الافتراضية: نصوص واجهة المستخدم باللغة العربية.
# التواريخ: تتلقى date-format المتغيرات $day و$month (اسم الشهر) و$monthnum و$year.
date-format = { $day } { $month } { $year }
month-1 = يناير
month-2 = فبراير
month-3 = مارس
month-4 = أبريل
month-5 = مايو
month-6 = يونيو
month-7 = يوليو
month-8 = أغسطس
month-9 = سبتمبر
month-10 = أكتوبر
month-11 = نوفمبر
month-12 = ديسمبر

skip-to-content = الانتقال إلى المحتوى الرئيسي
languages = اللغات
main-navigation = الرئيسية
more-navigation = المزيد
breadcrumbs = مسار التنقل
nav-home = الصفحة الرئيسية
footer-as-of = البيانات محدَّثة حتى { $date }.
footer-built-with = نُشرت هذه البوابة باستخدام Docket، وهي بوابة مفتوحة المصدر لمتابعة تنفيذ التوصيات في مجال حقوق الإنسان.

section-recommendations = التوصيات
section-actions = التدابير
section-mechanisms = الآليات
section-documents = الوثائق
section-institutions = المؤسسات
section-themes = المواضيع
section-groups = الفئات المتأثرة
section-sdg = أهداف التنمية المستدامة
section-clusters = مجموعات التوصيات
section-statuses = حالات التنفيذ
section-indicators = المؤشرات

home-figures = أرقام رئيسية
home-recommendations = التوصيات
home-implemented = المنفَّذة
home-actions = التدابير
home-mechanisms = الآليات
home-by-status = حالة التنفيذ
home-by-mechanism = حسب الآلية
home-latest-updates = آخر تحديثات حالة التنفيذ

breakdown-caption = { $total ->
    [zero] حالة تنفيذ { $total } توصية، وفقاً لآخر تقييم أجرته الحكومة
    [one] حالة تنفيذ توصية واحدة، وفقاً لآخر تقييم أجرته الحكومة
    [two] حالة تنفيذ توصيتين، وفقاً لآخر تقييم أجرته الحكومة
    [few] حالة تنفيذ { $total } توصيات، وفقاً لآخر تقييم أجرته الحكومة
    [many] حالة تنفيذ { $total } توصية، وفقاً لآخر تقييم أجرته الحكومة
   *[other] حالة تنفيذ { $total } توصية، وفقاً لآخر تقييم أجرته الحكومة
}
status-unreported = لم يُبلَّغ عن حالة التنفيذ
col-status = الحالة
col-count = العدد
col-share = النسبة
col-mechanism = الآلية
col-recommendations = التوصيات
col-implemented = المنفَّذة
col-name = الاسم
col-id = المعرِّف
col-title = العنوان
col-lead = المؤسسة الرائدة
col-due = الموعد النهائي
col-date = التاريخ
col-value = القيمة
col-source = المصدر

list-showing = عرض النتائج من { $first } إلى { $last } من أصل { $total }
list-views-label = تصفية
list-order-newest = الأحدث أولاً
list-filter-state = الدول قيد الاستعراض
list-all-states = جميع الدول
list-title-state = { $title }: { $state }
pager-label = الصفحات
pager-prev = السابق
pager-next = التالي
page-number = الصفحة { $number }
paragraph-short = الفقرة

response-supported = مؤيَّدة
response-supported-in-part = مؤيَّدة جزئياً
response-noted = أُحيط علماً بها
response-pending = في انتظار الرد

recommendation-title = التوصية { $id }
rec-current-status = الحالة الراهنة
rec-response = رد الدولة
rec-source = المصدر
rec-mechanism = الآلية
rec-document = الوثيقة
rec-document-original = النص الأصلي
rec-paragraph = الفقرة
rec-date = التاريخ
rec-recommending-states = { $count ->
    [zero] الدول التي قدَّمت التوصية
    [one] الدولة التي قدَّمت التوصية
    [two] الدولتان اللتان قدَّمتا التوصية
    [few] الدول التي قدَّمت التوصية
    [many] الدول التي قدَّمت التوصية
   *[other] الدول التي قدَّمت التوصية
}
rec-assessments = آخر التقييمات
rec-assessments-hint = يُعرض آخر تقييم لكل جهة مقيِّمة جنباً إلى جنب مع التقييمات الأخرى، ولا تُدمج التقييمات أبداً.
rec-no-updates = لم يُنشر أي تحديث لحالة التنفيذ بعد.
rec-history = سجل حالة التنفيذ
rec-actions = التدابير
rec-no-actions = لم يُخطَّط بعد لأي تدبير لمتابعة هذه التوصية.
rec-filed-under = المسؤولية والتصنيف
rec-lead = المؤسسة الرائدة
rec-partners = المؤسسات الشريكة
rec-sdg-goals = أهداف التنمية المستدامة
rec-sdg-targets = غايات أهداف التنمية المستدامة
rec-position-source = مصدر الموقف
rec-cluster = المجموعة
rec-cluster-others = توصيات أخرى في هذه المجموعة
rec-cluster-more = { $count ->
    [zero] ولا توجد توصيات أخرى في هذه المجموعة
    [one] وتوصية أخرى في هذه المجموعة
    [two] وتوصيتان أخريان في هذه المجموعة
    [few] و{ $count } توصيات أخرى في هذه المجموعة
    [many] و{ $count } توصية أخرى في هذه المجموعة
   *[other] و{ $count } توصية أخرى في هذه المجموعة
}
rec-cite = الاستشهاد بهذه الصفحة
rec-cite-updated = آخر تحديث: { $date }.
rec-aliases = المعرِّفات السابقة

assessor-government = الحكومة
assessor-nhri = المؤسسة الوطنية لحقوق الإنسان
assessor-civil-society = المجتمع المدني
assessed-by = الجهة المقيِّمة:
evidence = الأدلة الداعمة
evidence-link = المصدر { $number }

action-label = التدبير { $id }
action-start = تاريخ البدء
action-due = الموعد النهائي
action-recommendations = { $count ->
    [zero] التوصيات التي يتناولها التدبير
    [one] التوصية التي يتناولها التدبير
    [two] التوصيتان اللتان يتناولهما التدبير
    [few] التوصيات التي يتناولها التدبير
    [many] التوصيات التي يتناولها التدبير
   *[other] التوصيات التي يتناولها التدبير
}

term-website = الموقع الشبكي
term-children = المواضيع الفرعية والغايات
term-no-recommendations = لم تُصنَّف هنا أي توصية بعد.
mechanism-kind = النوع
mechanism-kind-upr = الاستعراض الدوري الشامل
mechanism-kind-treaty-body = هيئة معاهدة
mechanism-kind-special-procedure = الإجراءات الخاصة
mechanism-kind-regional = آلية إقليمية
mechanism-kind-national = آلية وطنية
mechanism-kind-other = أخرى
institution-kind = النوع
institution-kind-ministry = وزارة
institution-kind-agency = هيئة حكومية
institution-kind-parliament = البرلمان
institution-kind-judiciary = السلطة القضائية
institution-kind-nhri = المؤسسة الوطنية لحقوق الإنسان
institution-kind-local-government = سلطة محلية
institution-kind-civil-society = المجتمع المدني
institution-kind-other = أخرى
document-date = التاريخ
document-cycle = جولة الاستعراض الدوري الشامل
document-session = الدورة
sdg-goal = الهدف
sdg-target = الغاية

indicator-kind = النوع
indicator-kind-structural = مؤشر هيكلي
indicator-kind-process = مؤشر عملية
indicator-kind-outcome = مؤشر نتائج
indicator-unit = وحدة القياس
indicator-baseline = خط الأساس
indicator-target = القيمة المستهدفة
indicator-latest = أحدث قيمة
indicator-measurements = القياسات

fallback-notice = لم تُترجم بعد. لغة العرض: { $language }.
not-found-title = الصفحة غير موجودة
not-found-text = لا يؤدي هذا العنوان إلى أي صفحة من صفحات هذه البوابة. وتحتفظ صفحات التوصيات بعناوينها بصورة دائمة؛ لذا يُرجى التحقق من خلو الرابط من أي خطأ مطبعي.
redirect-text = أصبح لهذه التوصية معرِّف جديد. وصفحتها متاحة على العنوان التالي:
redirect-list-text = تعرض هذه القائمة الآن الأحدث أولاً في صفحتها، على العنوان التالي:
