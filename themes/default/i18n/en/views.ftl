# Honest status: every assessor's view, disputed recommendations, follow-up, page furniture.
assessor-short-government = Government
assessor-short-nhri = NHRI
assessor-short-civil-society = Civil society
views-list-separator = {", "}
views-agree = agreed by { $who }
views-by = assessed by { $who }
views-disputed-link = The assessors disagree: see every disputed recommendation
follow-up-heading = Follow-up procedure
follow-up-due = Follow-up information due { $date }
follow-up-count = { $count ->
    [one] { $count } recommendation selected for follow-up
   *[other] { $count } recommendations selected for follow-up
}
follow-up-calendar-heading = Follow-up information on recommendations
follow-up-past-due = Past due
follow-up-upcoming = Upcoming
col-recommendation = Recommendation
disputed-title = Where the assessors disagree
disputed-intro = Recommendations whose current status differs between the government and the national human rights institution or civil society, as of { $date }, grouped by lead institution.
disputed-count = { $count ->
    [one] { $count } recommendation
   *[other] { $count } recommendations
}
disputed-none = The assessors agree on every recommendation.
home-currency = Data as of { $date }: { $government } recommendations assessed by the government, { $nhri } by the national human rights institution and { $civil } by civil society.
menu-label = Menu
page-numbered = { $title } (page { $number } of { $total })
not-found-elsewhere = This page in another language:
breakdown-region = Status breakdown table
