# Контроль за выполнением: правило определения статуса, сроки, сводные панели, сводные показатели учреждений, график представления докладов, изменения.
breakdown-nhri-note = Рядом приводится оценка национального правозащитного учреждения.
col-government = Правительство
col-nhri = НПУ
col-quarter = Квартал
col-institution = Учреждение
col-report = Доклад
col-submitted = Дата представления
quarter-label = { $quarter } кв. { $year }
progress-heading = Динамика выполнения
progress-hint = Доля рекомендаций с каждым статусом на конец каждого квартала по оценке правительства, восстановленная по датированным обновлениям статуса.
progress-caption = Рекомендации по статусу выполнения на конец каждого квартала (оценка правительства)
progress-table-summary = Показать цифры
home-overdue = Просроченные меры
home-follow-up = Контроль за выполнением
stale-label = Устарело:
# Без точки в конце: дата уже заканчивается на «г.».
stale-since = нет обновлений с { $date }
# Подпись перед ссылкой на меру; без числа только для ровно одной меры (21 мера — с числом).
status-derived = { $count ->
    [1] Определён по мере
    [one] Определён по { $count } мере; наименее продвинулась мера
    [few] Определён по { $count } мерам; наименее продвинулась мера
    [many] Определён по { $count } мерам; наименее продвинулась мера
   *[other] Определён по { $count } мерам; наименее продвинулась мера
}
deadline-overdue = { $days ->
    [one] Просрочено на { $days } день
    [few] Просрочено на { $days } дня
    [many] Просрочено на { $days } дней
   *[other] Просрочено на { $days } дня
}
deadline-due-soon = Срок скоро истекает
tracking-overdue-title = Просроченные меры
tracking-reporting-title = График представления докладов
tracking-scorecards-title = Сравнение учреждений
tracking-changes-title = Что изменилось
tracking-overdue-actions = { $count ->
    [one] { $count } просроченная мера
    [few] { $count } просроченные меры
    [many] { $count } просроченных мер
   *[other] { $count } просроченной меры
}
tracking-due-soon-actions = { $count ->
    [one] { $count } мера, срок которой скоро истекает
    [few] { $count } меры, срок которых скоро истекает
    [many] { $count } мер, срок которых скоро истекает
   *[other] { $count } меры, срок которых скоро истекает
}
tracking-overdue-intro = Меры, срок выполнения которых истёк и которые не были завершены по состоянию на { $date }, с разбивкой по ведущим учреждениям.
tracking-no-lead = Ведущее учреждение не указано
tracking-none-overdue = Просроченных мер нет.
tracking-due-soon-heading = { $days ->
    [one] Срок истекает в течение { $days } дня
    [few] Срок истекает в течение { $days } дней
    [many] Срок истекает в течение { $days } дней
   *[other] Срок истекает в течение { $days } дня
}
tracking-none-due-soon = Мер, срок которых скоро истекает, нет.
# Без точки в конце: дата уже заканчивается на «г.».
tracking-reporting-intro = Доклады, подлежащие представлению каждому механизму, по состоянию на { $date }
report-state-overdue = Просрочен
report-state-upcoming = Предстоит
report-state-late = Представлен с опозданием
report-state-on-time = Представлен в срок
tracking-changes-intro = Обновления статуса, опубликованные после { $since } и по { $date } включительно; сначала самые новые.
tracking-changes-count = { $count ->
    [one] { $count } обновление
    [few] { $count } обновления
    [many] { $count } обновлений
   *[other] { $count } обновления
}
tracking-changed-from = Предыдущий статус по оценке той же стороны:
scorecard-heading = Сводные показатели
scorecard-intro = По состоянию на { $date }: рекомендации и меры, по которым каждое учреждение является ведущим или партнёром. Статусы приводятся по оценкам правительства.
scorecard-assigned = Рекомендации
scorecard-implemented = Выполнено
scorecard-in-progress = В процессе выполнения
scorecard-unreported = Без статуса
scorecard-actions = Меры
scorecard-overdue = Просроченные меры
scorecard-days-since = Дней с последнего обновления
scorecard-last-update = Последнее обновление
scorecard-compare = Сравнить все учреждения
days-ago = { $days ->
    [one] { $days } день назад
    [few] { $days } дня назад
    [many] { $days } дней назад
   *[other] { $days } дня назад
}
indicator-baseline-line = Исходное значение: { $value }
indicator-target-line = Целевое значение: { $value }
rec-history-earlier = Предыдущие обновления статуса
