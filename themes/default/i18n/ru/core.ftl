# Docket, тема по умолчанию: строки интерфейса на русском языке.
# Даты: date-format получает $day, $month (название месяца), $monthnum и $year.
date-format = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

skip-to-content = Перейти к основному содержанию
languages = Языки
main-navigation = Основная
more-navigation = Дополнительно
breadcrumbs = Навигационная цепочка
nav-home = Главная
# Без точки в конце: дата уже заканчивается на «г.».
footer-as-of = Данные по состоянию на { $date }
footer-built-with = Опубликовано с помощью Docket — портала с открытым исходным кодом для контроля за выполнением рекомендаций в области прав человека.

section-recommendations = Рекомендации
section-actions = Меры
section-mechanisms = Механизмы
section-documents = Документы
section-institutions = Учреждения
section-themes = Темы
section-groups = Затрагиваемые группы
section-sdg = Цели в области устойчивого развития
section-clusters = Кластеры
section-statuses = Статусы выполнения
section-indicators = Показатели

home-figures = Основные цифры
home-recommendations = Рекомендации
home-implemented = Выполнено
home-actions = Меры
home-mechanisms = Механизмы
home-by-status = Статус выполнения
home-by-mechanism = По механизмам
home-latest-updates = Последние обновления статуса

breakdown-caption = { $total ->
    [one] Статус выполнения по последней оценке правительства ({ $total } рекомендация)
    [few] Статус выполнения по последней оценке правительства ({ $total } рекомендации)
    [many] Статус выполнения по последней оценке правительства ({ $total } рекомендаций)
   *[other] Статус выполнения по последней оценке правительства ({ $total } рекомендации)
}
status-unreported = Статус не сообщён
col-status = Статус
col-count = Количество
col-share = Доля
col-mechanism = Механизм
col-recommendations = Рекомендации
col-implemented = Выполнено
col-name = Название
col-id = Идентификатор
col-title = Название
col-lead = Ведущее учреждение
col-due = Срок
col-date = Дата
col-value = Значение
col-source = Источник

list-showing = Показаны { $first }–{ $last } из { $total }
list-views-label = Фильтр
list-order-newest = Сначала новые
list-filter-state = Рассматриваемые государства
list-all-states = Все государства
list-title-state = { $title }: { $state }
pager-label = Страницы
pager-prev = Предыдущая
pager-next = Следующая
page-number = страница { $number }
paragraph-short = п.

response-supported = Поддержана
response-supported-in-part = Поддержана частично
response-noted = Принята к сведению
response-pending = Ответ ожидается

recommendation-title = Рекомендация { $id }
rec-current-status = Текущий статус
rec-response = Ответ государства
rec-source = Источник
rec-mechanism = Механизм
rec-document = Документ
rec-document-original = оригинал
rec-paragraph = Пункт
rec-date = Дата
# Подпись без числа: единственное число только для ровно одного государства (21 государство — тоже множественное).
rec-recommending-states = { $count ->
    [1] Государство, вынесшее рекомендацию
   *[other] Государства, вынесшие рекомендацию
}
rec-assessments = Последние оценки
rec-assessments-hint = Последние оценки всех оценивающих сторон приводятся рядом и никогда не объединяются.
rec-no-updates = Обновления статуса пока не публиковались.
rec-history = История статуса
rec-actions = Меры
rec-no-actions = Меры по выполнению этой рекомендации пока не запланированы.
rec-filed-under = Ответственность и классификация
rec-lead = Ведущее учреждение
rec-partners = Учреждения-партнёры
rec-sdg-goals = Цели в области устойчивого развития
rec-sdg-targets = Задачи в рамках ЦУР
rec-position-source = Источник позиции
rec-cluster = Кластер
rec-cluster-others = Другие рекомендации этого кластера
rec-cluster-more = { $count ->
    [one] и ещё { $count } рекомендация в этом кластере
    [few] и ещё { $count } рекомендации в этом кластере
    [many] и ещё { $count } рекомендаций в этом кластере
   *[other] и ещё { $count } рекомендации в этом кластере
}
rec-cite = Как цитировать эту страницу
# Без точки в конце: дата уже заканчивается на «г.».
rec-cite-updated = Последнее обновление: { $date }
rec-aliases = Прежние идентификаторы

assessor-government = Правительство
assessor-nhri = Национальное правозащитное учреждение
assessor-civil-society = Гражданское общество
assessed-by = Автор оценки:
evidence = Подтверждающие материалы
evidence-link = источник { $number }

action-label = Мера { $id }
action-start = Начало
action-due = Срок
# Подпись без числа: единственное число только для ровно одной рекомендации.
action-recommendations = { $count ->
    [1] Рекомендация, на выполнение которой направлена мера
   *[other] Рекомендации, на выполнение которых направлена мера
}

term-website = Веб-сайт
term-children = Подтемы и задачи
term-no-recommendations = Здесь пока нет ни одной рекомендации.
mechanism-kind = Тип
mechanism-kind-upr = Универсальный периодический обзор
mechanism-kind-treaty-body = Договорный орган
mechanism-kind-special-procedure = Специальная процедура
mechanism-kind-regional = Региональный механизм
mechanism-kind-national = Национальный механизм
mechanism-kind-other = Другое
institution-kind = Тип
institution-kind-ministry = Министерство
institution-kind-agency = Ведомство
institution-kind-parliament = Парламент
institution-kind-judiciary = Судебная власть
institution-kind-nhri = Национальное правозащитное учреждение
institution-kind-local-government = Орган местного самоуправления
institution-kind-civil-society = Гражданское общество
institution-kind-other = Другое
document-date = Дата
document-cycle = Цикл универсального периодического обзора
document-session = Сессия
sdg-goal = Цель
sdg-target = Задача

indicator-kind = Тип
indicator-kind-structural = Структурный показатель
indicator-kind-process = Показатель процесса
indicator-kind-outcome = Показатель результатов
indicator-unit = Единица измерения
indicator-baseline = Исходное значение
indicator-target = Целевое значение
indicator-latest = Последнее значение
indicator-measurements = Измерения

fallback-notice = Перевод пока отсутствует. Язык отображения: { $language }.
not-found-title = Страница не найдена
not-found-text = По этому адресу на портале нет ни одной страницы. Адреса страниц рекомендаций никогда не меняются; проверьте, нет ли в ссылке опечатки.
redirect-text = Этой рекомендации присвоен новый идентификатор. Её страница находится по адресу:
redirect-list-text = Этот список теперь показывает сначала новые на своей странице по адресу:
