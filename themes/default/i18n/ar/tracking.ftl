# المتابعة: قاعدة تحديد الحالة، والمواعيد النهائية، ولوحات المتابعة، وبطاقات أداء المؤسسات، والجدول الزمني لتقديم التقارير، والتغييرات.
breakdown-nhri-note = ويُعرض تقييم المؤسسة الوطنية لحقوق الإنسان إلى جانبه.
col-government = الحكومة
col-nhri = المؤسسة الوطنية
col-quarter = الربع
col-institution = المؤسسة
col-report = التقرير
col-submitted = تاريخ التقديم
quarter-label = الربع { $quarter } { $year }
progress-heading = التقدم المحرز بمرور الوقت
progress-hint = نسبة التوصيات في كل حالة من حالات التنفيذ في نهاية كل ربع سنة، وفقاً لتقييم الحكومة، وقد أُعيد تكوينها استناداً إلى تحديثات حالة التنفيذ المؤرَّخة.
progress-caption = التوصيات حسب حالة التنفيذ في نهاية كل ربع سنة (تقييم الحكومة)
progress-table-summary = عرض الأرقام
home-overdue = التدابير المتأخرة
home-follow-up = المتابعة
stale-label = تقييم قديم:
stale-since = لم يُحدَّث منذ { $date }.
status-derived = { $count ->
    [zero] مستمَدّة من { $count } تدبير؛ وأقلها تقدماً هو
    [one] مستمَدّة من التدبير
    [two] مستمَدّة من تدبيرين؛ وأقلهما تقدماً هو
    [few] مستمَدّة من { $count } تدابير؛ وأقلها تقدماً هو
    [many] مستمَدّة من { $count } تدبيراً؛ وأقلها تقدماً هو
   *[other] مستمَدّة من { $count } تدبير؛ وأقلها تقدماً هو
}
deadline-overdue = { $days ->
    [zero] متأخر منذ { $days } يوم
    [one] متأخر منذ يوم واحد
    [two] متأخر منذ يومين
    [few] متأخر منذ { $days } أيام
    [many] متأخر منذ { $days } يوماً
   *[other] متأخر منذ { $days } يوم
}
deadline-due-soon = يحين موعده النهائي قريباً
tracking-overdue-title = التدابير المتأخرة
tracking-reporting-title = الجدول الزمني لتقديم التقارير
tracking-scorecards-title = مقارنة بين المؤسسات
tracking-changes-title = ما الذي تغيَّر
tracking-overdue-actions = { $count ->
    [zero] لا توجد تدابير متأخرة
    [one] تدبير واحد متأخر
    [two] تدبيران متأخران
    [few] { $count } تدابير متأخرة
    [many] { $count } تدبيراً متأخراً
   *[other] { $count } تدبير متأخر
}
tracking-due-soon-actions = { $count ->
    [zero] لا توجد تدابير يحين موعدها النهائي قريباً
    [one] تدبير واحد يحين موعده النهائي قريباً
    [two] تدبيران يحين موعدهما النهائي قريباً
    [few] { $count } تدابير يحين موعدها النهائي قريباً
    [many] { $count } تدبيراً يحين موعدها النهائي قريباً
   *[other] { $count } تدبير يحين موعدها النهائي قريباً
}
tracking-overdue-intro = التدابير التي تجاوزت موعدها النهائي ولم تُغلق حتى { $date }، مصنَّفة حسب المؤسسة الرائدة.
tracking-no-lead = لا توجد مؤسسة رائدة
tracking-none-overdue = لا يوجد أي تدبير متأخر.
tracking-due-soon-heading = { $days ->
    [zero] يحين موعدها النهائي خلال { $days } يوم
    [one] يحين موعدها النهائي خلال يوم واحد
    [two] يحين موعدها النهائي خلال يومين
    [few] يحين موعدها النهائي خلال { $days } أيام
    [many] يحين موعدها النهائي خلال { $days } يوماً
   *[other] يحين موعدها النهائي خلال { $days } يوم
}
tracking-none-due-soon = لا يوجد أي تدبير يحين موعده النهائي قريباً.
tracking-reporting-intro = التقارير المقرر تقديمها إلى كل آلية، حتى { $date }.
report-state-overdue = متأخر
report-state-upcoming = قادم
report-state-late = قُدِّم متأخراً
report-state-on-time = قُدِّم في الموعد المحدد
tracking-changes-intro = تحديثات حالة التنفيذ المنشورة بعد { $since } وحتى { $date }، مرتبة من الأحدث إلى الأقدم.
tracking-changes-count = { $count ->
    [zero] لا توجد تحديثات
    [one] تحديث واحد
    [two] تحديثان
    [few] { $count } تحديثات
    [many] { $count } تحديثاً
   *[other] { $count } تحديث
}
tracking-changed-from = الحالة السابقة وفقاً للجهة المقيِّمة نفسها:
scorecard-heading = بطاقة الأداء
scorecard-intro = التوصيات والتدابير التي تتولى كل مؤسسة قيادتها أو تشارك فيها بصفة شريك، حتى { $date }. وحالات التنفيذ المبيَّنة هي تلك الواردة في تقييمات الحكومة.
scorecard-assigned = التوصيات
scorecard-implemented = المنفَّذة
scorecard-in-progress = قيد التنفيذ
scorecard-unreported = بلا حالة
scorecard-actions = التدابير
scorecard-overdue = التدابير المتأخرة
scorecard-days-since = الأيام المنقضية منذ آخر تحديث
scorecard-last-update = آخر تحديث
scorecard-compare = المقارنة بين جميع المؤسسات
days-ago = { $days ->
    [zero] اليوم
    [one] منذ يوم واحد
    [two] منذ يومين
    [few] منذ { $days } أيام
    [many] منذ { $days } يوماً
   *[other] منذ { $days } يوم
}
indicator-baseline-line = خط الأساس: { $value }
indicator-target-line = القيمة المستهدفة: { $value }
rec-history-earlier = تحديثات الحالة السابقة
