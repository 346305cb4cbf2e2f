# Suivi : règle de l’état d’avancement, échéances, tableaux de bord, fiches de résultats, calendrier de présentation des rapports, changements.
breakdown-nhri-note = L’évaluation de l’institution nationale des droits de l’homme figure à côté.
col-government = Gouvernement
col-nhri = INDH
col-quarter = Trimestre
col-institution = Institution
col-report = Rapport
col-submitted = Date de présentation
quarter-label = T{ $quarter } { $year }
progress-heading = Évolution dans le temps
progress-hint = Proportion des recommandations dans chaque état d’avancement à la fin de chaque trimestre, selon l’évaluation du Gouvernement, reconstituée à partir des mises à jour datées de l’état d’avancement.
progress-caption = Recommandations par état d’avancement à la fin de chaque trimestre (évaluation du Gouvernement)
progress-table-summary = Afficher les chiffres
home-overdue = Mesures en retard
home-follow-up = Suivi
stale-label = Obsolète :
stale-since = aucune mise à jour depuis le { $date }.
status-derived = { $count ->
    [one] Déduit de la mesure
   *[other] Déduit de { $count } mesures ; la moins avancée est
}
deadline-overdue = { $days ->
    [one] En retard de { $days } jour
   *[other] En retard de { $days } jours
}
deadline-due-soon = Échéance proche
tracking-overdue-title = Mesures en retard
tracking-reporting-title = Calendrier de présentation des rapports
tracking-scorecards-title = Comparaison des institutions
tracking-changes-title = Ce qui a changé
tracking-overdue-actions = { $count ->
    [one] { $count } mesure en retard
   *[other] { $count } mesures en retard
}
tracking-due-soon-actions = { $count ->
    [one] { $count } mesure arrivant bientôt à échéance
   *[other] { $count } mesures arrivant bientôt à échéance
}
tracking-overdue-intro = Mesures dont l’échéance est dépassée et qui n’étaient pas closes au { $date }, regroupées par institution chef de file.
tracking-no-lead = Aucune institution chef de file
tracking-none-overdue = Aucune mesure n’est en retard.
tracking-due-soon-heading = { $days ->
    [one] Échéance d’ici { $days } jour
   *[other] Échéance d’ici { $days } jours
}
tracking-none-due-soon = Aucune mesure n’arrive bientôt à échéance.
tracking-reporting-intro = Rapports à présenter à chaque mécanisme, situation au { $date }.
report-state-overdue = En retard
report-state-upcoming = À venir
report-state-late = Présenté en retard
report-state-on-time = Présenté dans les délais
tracking-changes-intro = Mises à jour de l’état d’avancement publiées après le { $since } et jusqu’au { $date }, des plus récentes aux plus anciennes.
tracking-changes-count = { $count ->
    [one] { $count } mise à jour
   *[other] { $count } mises à jour
}
tracking-changed-from = État d’avancement précédent selon le même évaluateur :
scorecard-heading = Fiche de résultats
scorecard-intro = Recommandations et mesures dont chaque institution est chef de file ou partenaire, au { $date }. Les états d’avancement correspondent aux évaluations du Gouvernement.
scorecard-assigned = Recommandations
scorecard-implemented = Mises en œuvre
scorecard-in-progress = En cours
scorecard-unreported = Sans état d’avancement
scorecard-actions = Mesures
scorecard-overdue = Mesures en retard
scorecard-days-since = Jours depuis la dernière mise à jour
scorecard-last-update = Dernière mise à jour
scorecard-compare = Comparer toutes les institutions
days-ago = { $days ->
    [one] il y a { $days } jour
   *[other] il y a { $days } jours
}
indicator-baseline-line = Valeur de référence : { $value }
indicator-target-line = Valeur cible : { $value }
rec-history-earlier = Mises à jour antérieures de l’état d’avancement
