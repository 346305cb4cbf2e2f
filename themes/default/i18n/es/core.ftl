# Docket, tema predeterminado: cadenas de la interfaz en español.
# Fechas: date-format recibe $day, $month (nombre del mes), $monthnum y $year.
date-format = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

skip-to-content = Ir al contenido principal
languages = Idiomas
main-navigation = Principal
more-navigation = Más
breadcrumbs = Ruta de navegación
nav-home = Inicio
footer-as-of = Datos actualizados al { $date }.
footer-built-with = Publicado con Docket, un portal de código abierto para el seguimiento en materia de derechos humanos.

section-recommendations = Recomendaciones
section-actions = Medidas
section-mechanisms = Mecanismos
section-documents = Documentos
section-institutions = Instituciones
section-themes = Temas
section-groups = Grupos afectados
section-sdg = Objetivos de Desarrollo Sostenible
section-clusters = Agrupaciones
section-statuses = Estados de aplicación
section-indicators = Indicadores

home-figures = Cifras clave
home-recommendations = Recomendaciones
home-implemented = Aplicadas
home-actions = Medidas
home-mechanisms = Mecanismos
home-by-status = Estado de aplicación
home-by-mechanism = Por mecanismo
home-latest-updates = Últimas actualizaciones del estado de aplicación

breakdown-caption = { $total ->
    [one] Estado de aplicación de { $total } recomendación, según la última evaluación del Gobierno
   *[other] Estado de aplicación de { $total } recomendaciones, según la última evaluación del Gobierno
}
status-unreported = No se ha comunicado el estado
col-status = Estado
col-count = Número
col-share = Proporción
col-mechanism = Mecanismo
col-recommendations = Recomendaciones
col-implemented = Aplicadas
col-name = Nombre
col-id = Identificador
col-title = Título
col-lead = Institución responsable
col-due = Plazo
col-date = Fecha
col-value = Valor
col-source = Fuente

list-showing = Se muestran { $first }–{ $last } de { $total }
list-views-label = Filtrar
list-order-newest = Las más recientes primero
list-filter-state = Estados examinados
list-all-states = Todos los Estados
list-title-state = { $title }: { $state }
pager-label = Páginas
pager-prev = Anterior
pager-next = Siguiente
page-number = página { $number }
paragraph-short = párr.

response-supported = Apoyada
response-supported-in-part = Apoyada parcialmente
response-noted = Anotada
response-pending = Respuesta pendiente

recommendation-title = Recomendación { $id }
rec-current-status = Estado actual
rec-response = Respuesta del Estado
rec-source = Origen
rec-mechanism = Mecanismo
rec-document = Documento
rec-document-original = original
rec-paragraph = Párrafo
rec-date = Fecha
rec-recommending-states = { $count ->
    [one] Estado que formuló la recomendación
   *[other] Estados que formularon la recomendación
}
rec-assessments = Últimas evaluaciones
rec-assessments-hint = Se muestra en paralelo la última evaluación de cada evaluador; nunca se combinan.
rec-no-updates = Todavía no se ha publicado ninguna actualización del estado de aplicación.
rec-history = Historial del estado de aplicación
rec-actions = Medidas
rec-no-actions = Todavía no se ha previsto ninguna medida para dar seguimiento a esta recomendación.
rec-filed-under = Responsabilidad y clasificación
rec-lead = Institución responsable
rec-partners = Instituciones asociadas
rec-sdg-goals = Objetivos de Desarrollo Sostenible
rec-sdg-targets = Metas de los Objetivos de Desarrollo Sostenible
rec-position-source = Fuente de la posición
rec-cluster = Agrupación
rec-cluster-others = Otras recomendaciones de esta agrupación
rec-cluster-more = { $count ->
    [one] y { $count } recomendación más en esta agrupación
   *[other] y { $count } recomendaciones más en esta agrupación
}
rec-cite = Citar esta página
rec-cite-updated = Última actualización: { $date }.
rec-aliases = Identificadores anteriores

assessor-government = Gobierno
assessor-nhri = Institución nacional de derechos humanos
assessor-civil-society = Sociedad civil
assessed-by = Evaluación realizada por
evidence = Documentación justificativa
evidence-link = fuente { $number }

action-label = Medida { $id }
action-start = Inicio
action-due = Plazo
action-recommendations = { $count ->
    [one] Recomendación a la que responde la medida
   *[other] Recomendaciones a las que responde la medida
}

term-website = Sitio web
term-children = Subtemas y metas
term-no-recommendations = Todavía no hay ninguna recomendación clasificada aquí.
mechanism-kind = Tipo
mechanism-kind-upr = Examen Periódico Universal
mechanism-kind-treaty-body = Órgano de tratado
mechanism-kind-special-procedure = Procedimiento especial
mechanism-kind-regional = Mecanismo regional
mechanism-kind-national = Mecanismo nacional
mechanism-kind-other = Otro
institution-kind = Tipo
institution-kind-ministry = Ministerio
institution-kind-agency = Organismo público
institution-kind-parliament = Parlamento
institution-kind-judiciary = Poder judicial
institution-kind-nhri = Institución nacional de derechos humanos
institution-kind-local-government = Gobierno local
institution-kind-civil-society = Sociedad civil
institution-kind-other = Otra
document-date = Fecha
document-cycle = Ciclo del Examen Periódico Universal
document-session = Período de sesiones
sdg-goal = Objetivo
sdg-target = Meta

indicator-kind = Tipo
indicator-kind-structural = Indicador estructural
indicator-kind-process = Indicador de proceso
indicator-kind-outcome = Indicador de resultados
indicator-unit = Unidad
indicator-baseline = Valor de referencia
indicator-target = Valor meta
indicator-latest = Último valor
indicator-measurements = Mediciones

fallback-notice = Aún sin traducir. Idioma de visualización: { $language }.
not-found-title = Página no encontrada
not-found-text = Esta dirección no corresponde a ninguna página de este portal. Las páginas de las recomendaciones conservan su dirección de forma permanente; compruebe que el enlace no contenga errores tipográficos.
redirect-text = Esta recomendación tiene ahora un nuevo identificador. Su página se encuentra en la siguiente dirección:
redirect-list-text = Esta lista muestra ahora las más recientes primero en su propia página, en la siguiente dirección:
