# Seguimiento: regla del estado de aplicación, plazos, paneles, fichas de resultados, calendario de presentación de informes, cambios.
breakdown-nhri-note = Al lado se muestra la evaluación de la institución nacional de derechos humanos.
col-government = Gobierno
col-nhri = INDH
col-quarter = Trimestre
col-institution = Institución
col-report = Informe
col-submitted = Fecha de presentación
quarter-label = T{ $quarter } { $year }
progress-heading = Evolución en el tiempo
progress-hint = Proporción de recomendaciones en cada estado de aplicación al final de cada trimestre, según la evaluación del Gobierno, reconstruida a partir de las actualizaciones fechadas del estado de aplicación.
progress-caption = Recomendaciones por estado de aplicación al final de cada trimestre (evaluación del Gobierno)
progress-table-summary = Mostrar las cifras
home-overdue = Medidas atrasadas
home-follow-up = Seguimiento
stale-label = Desactualizada:
stale-since = no se ha actualizado desde el { $date }.
status-derived = { $count ->
    [one] Derivado de la medida
   *[other] Derivado de { $count } medidas; la menos avanzada es
}
deadline-overdue = { $days ->
    [one] Con { $days } día de retraso
   *[other] Con { $days } días de retraso
}
deadline-due-soon = Plazo próximo a vencer
tracking-overdue-title = Medidas atrasadas
tracking-reporting-title = Calendario de presentación de informes
tracking-scorecards-title = Comparación de instituciones
tracking-changes-title = Qué ha cambiado
tracking-overdue-actions = { $count ->
    [one] { $count } medida atrasada
   *[other] { $count } medidas atrasadas
}
tracking-due-soon-actions = { $count ->
    [one] { $count } medida con plazo próximo a vencer
   *[other] { $count } medidas con plazo próximo a vencer
}
tracking-overdue-intro = Medidas con el plazo vencido y no concluidas al { $date }, agrupadas por institución responsable.
tracking-no-lead = Sin institución responsable
tracking-none-overdue = Ninguna medida está atrasada.
tracking-due-soon-heading = { $days ->
    [one] Con vencimiento dentro de { $days } día
   *[other] Con vencimiento dentro de { $days } días
}
tracking-none-due-soon = Ninguna medida tiene un plazo próximo a vencer.
tracking-reporting-intro = Informes que deben presentarse a cada mecanismo, situación al { $date }.
report-state-overdue = Atrasado
report-state-upcoming = Próximo
report-state-late = Presentado con retraso
report-state-on-time = Presentado a tiempo
tracking-changes-intro = Actualizaciones del estado de aplicación publicadas después del { $since } y hasta el { $date }, empezando por las más recientes.
tracking-changes-count = { $count ->
    [one] { $count } actualización
   *[other] { $count } actualizaciones
}
tracking-changed-from = Estado anterior según el mismo evaluador:
scorecard-heading = Ficha de resultados
scorecard-intro = Recomendaciones y medidas de las que cada institución es responsable o asociada, al { $date }. Los estados de aplicación corresponden a las evaluaciones del Gobierno.
scorecard-assigned = Recomendaciones
scorecard-implemented = Aplicadas
scorecard-in-progress = En curso
scorecard-unreported = Sin estado
scorecard-actions = Medidas
scorecard-overdue = Medidas atrasadas
scorecard-days-since = Días desde la última actualización
scorecard-last-update = Última actualización
scorecard-compare = Comparar todas las instituciones
days-ago = { $days ->
    [one] hace { $days } día
   *[other] hace { $days } días
}
indicator-baseline-line = Valor de referencia: { $value }
indicator-target-line = Valor meta: { $value }
rec-history-earlier = Actualizaciones anteriores del estado
