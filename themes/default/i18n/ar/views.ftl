# الحالة الصادقة: رأي كل جهة تقييم، التوصيات المتنازع عليها، المتابعة، عناصر الصفحة.
assessor-short-government = الحكومة
assessor-short-nhri = المؤسسة الوطنية
assessor-short-civil-society = المجتمع المدني
views-list-separator = {"، "}
views-agree = باتفاق: { $who }
views-by = بتقييم: { $who }
views-disputed-link = جهات التقييم مختلفة: انظر جميع التوصيات المتنازع عليها
follow-up-heading = إجراء المتابعة
follow-up-due = معلومات المتابعة مستحقة في { $date }
follow-up-count = { $count ->
    [zero] لا توجد توصيات مختارة للمتابعة
    [one] توصية واحدة مختارة للمتابعة
    [two] توصيتان مختارتان للمتابعة
    [few] { $count } توصيات مختارة للمتابعة
   *[other] { $count } توصية مختارة للمتابعة
}
follow-up-calendar-heading = معلومات المتابعة بشأن التوصيات
follow-up-past-due = فات موعدها
follow-up-upcoming = قادمة
col-recommendation = التوصية
disputed-title = حيث تختلف جهات التقييم
disputed-intro = التوصيات التي تختلف حالتها الحالية بين الحكومة والمؤسسة الوطنية لحقوق الإنسان أو المجتمع المدني، في { $date }، مجمّعة حسب المؤسسة الرائدة.
disputed-count = { $count ->
    [zero] لا توجد توصيات
    [one] توصية واحدة
    [two] توصيتان
    [few] { $count } توصيات
   *[other] { $count } توصية
}
disputed-none = تتفق جهات التقييم على جميع التوصيات.
home-currency = البيانات حتى { $date }: { $government } توصية قيّمتها الحكومة، و{ $nhri } قيّمتها المؤسسة الوطنية لحقوق الإنسان، و{ $civil } قيّمها المجتمع المدني.
menu-label = القائمة
page-numbered = { $title } (الصفحة { $number } من { $total })
not-found-elsewhere = هذه الصفحة بلغة أخرى:
breakdown-region = جدول التوزيع حسب الحالة
