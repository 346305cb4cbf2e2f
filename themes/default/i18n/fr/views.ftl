# Statut honnête : l'avis de chaque évaluateur, recommandations contestées, suivi, mise en page.
assessor-short-government = Gouvernement
assessor-short-nhri = INDH
assessor-short-civil-society = Société civile
views-list-separator = {", "}
views-agree = avis partagé par : { $who }
views-by = évalué par : { $who }
views-disputed-link = Les évaluateurs ne sont pas d'accord : voir toutes les recommandations contestées
follow-up-heading = Procédure de suivi
follow-up-due = Renseignements de suivi attendus le { $date }
follow-up-count = { $count ->
    [one] { $count } recommandation retenue pour le suivi
   *[other] { $count } recommandations retenues pour le suivi
}
follow-up-calendar-heading = Renseignements de suivi sur des recommandations
follow-up-past-due = Échéance dépassée
follow-up-upcoming = À venir
col-recommendation = Recommandation
disputed-title = Là où les évaluateurs divergent
disputed-intro = Recommandations dont le statut actuel diffère entre le gouvernement et l'institution nationale des droits de l'homme ou la société civile, au { $date }, par institution responsable.
disputed-count = { $count ->
    [one] { $count } recommandation
   *[other] { $count } recommandations
}
disputed-none = Les évaluateurs sont d'accord sur toutes les recommandations.
home-currency = Données au { $date } : { $government } recommandations évaluées par le gouvernement, { $nhri } par l'institution nationale des droits de l'homme et { $civil } par la société civile.
menu-label = Menu
page-numbered = { $title } (page { $number } sur { $total })
not-found-elsewhere = Cette page dans une autre langue :
breakdown-region = Tableau de répartition par statut
