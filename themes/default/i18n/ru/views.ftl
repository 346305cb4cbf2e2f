# Честный статус: мнение каждого оценщика, спорные рекомендации, последующие меры, оформление.
assessor-short-government = Правительство
assessor-short-nhri = НПЗУ
assessor-short-civil-society = Гражданское общество
views-list-separator = {", "}
views-agree = согласны: { $who }
views-by = оценка: { $who }
views-disputed-link = Оценки расходятся: все спорные рекомендации
follow-up-heading = Процедура последующих мер
follow-up-due = Информация о последующих мерах ожидается { $date }
follow-up-count = { $count ->
    [one] { $count } рекомендация отобрана для последующих мер
    [few] { $count } рекомендации отобраны для последующих мер
   *[other] { $count } рекомендаций отобрано для последующих мер
}
follow-up-calendar-heading = Информация о последующих мерах по рекомендациям
follow-up-past-due = Просрочено
follow-up-upcoming = Предстоит
col-recommendation = Рекомендация
disputed-title = Где оценки расходятся
disputed-intro = Рекомендации, текущий статус которых у правительства отличается от оценки национального правозащитного учреждения или гражданского общества, на { $date }, по ведущим учреждениям.
disputed-count = { $count ->
    [one] { $count } рекомендация
    [few] { $count } рекомендации
   *[other] { $count } рекомендаций
}
disputed-none = Оценки всех рекомендаций совпадают.
home-currency = Данные на { $date }: правительство оценило { $government } рекомендаций, национальное правозащитное учреждение — { $nhri }, гражданское общество — { $civil }.
menu-label = Меню
page-numbered = { $title } (страница { $number } из { $total })
not-found-elsewhere = Эта страница на другом языке:
breakdown-region = Таблица распределения по статусам
