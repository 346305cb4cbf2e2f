# Estado honesto: la opinión de cada evaluador, recomendaciones en disputa, seguimiento, diseño.
assessor-short-government = Gobierno
assessor-short-nhri = INDH
assessor-short-civil-society = Sociedad civil
views-list-separator = {", "}
views-agree = coinciden: { $who }
views-by = evaluado por: { $who }
views-disputed-link = Los evaluadores discrepan: ver todas las recomendaciones en disputa
follow-up-heading = Procedimiento de seguimiento
follow-up-due = Información de seguimiento debida el { $date }
follow-up-count = { $count ->
    [one] { $count } recomendación seleccionada para seguimiento
   *[other] { $count } recomendaciones seleccionadas para seguimiento
}
follow-up-calendar-heading = Información de seguimiento sobre recomendaciones
follow-up-past-due = Vencida
follow-up-upcoming = Próxima
col-recommendation = Recomendación
disputed-title = Donde los evaluadores discrepan
disputed-intro = Recomendaciones cuyo estado actual difiere entre el Gobierno y la institución nacional de derechos humanos o la sociedad civil, al { $date }, agrupadas por institución responsable.
disputed-count = { $count ->
    [one] { $count } recomendación
   *[other] { $count } recomendaciones
}
disputed-none = Los evaluadores coinciden en todas las recomendaciones.
home-currency = Datos al { $date }: { $government } recomendaciones evaluadas por el Gobierno, { $nhri } por la institución nacional de derechos humanos y { $civil } por la sociedad civil.
menu-label = Menú
page-numbered = { $title } (página { $number } de { $total })
not-found-elsewhere = Esta página en otro idioma:
breakdown-region = Tabla de distribución por estado
