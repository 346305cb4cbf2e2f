# Docket, thème par défaut : chaînes de l’interface en français.
# Dates : date-format reçoit $day, $month (nom du mois), $monthnum et $year.
date-format = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

skip-to-content = Aller au contenu principal
languages = Langues
main-navigation = Principale
more-navigation = Plus
breadcrumbs = Fil d’Ariane
nav-home = Accueil
footer-as-of = Données à jour au { $date }.
footer-built-with = Publié avec Docket, portail à code source ouvert consacré au suivi en matière de droits de l’homme.

section-recommendations = Recommandations
section-actions = Mesures
section-mechanisms = Mécanismes
section-documents = Documents
section-institutions = Institutions
section-themes = Thèmes
section-groups = Groupes concernés
section-sdg = Objectifs de développement durable
section-clusters = Regroupements
section-statuses = États d’avancement
section-indicators = Indicateurs

home-figures = Chiffres clés
home-recommendations = Recommandations
home-implemented = Mises en œuvre
home-actions = Mesures
home-mechanisms = Mécanismes
home-by-status = État d’avancement de la mise en œuvre
home-by-mechanism = Par mécanisme
home-latest-updates = Dernières mises à jour de l’état d’avancement

breakdown-caption = { $total ->
    [one] État d’avancement de { $total } recommandation, selon la dernière évaluation du Gouvernement
   *[other] État d’avancement de { $total } recommandations, selon la dernière évaluation du Gouvernement
}
status-unreported = Aucun état d’avancement communiqué
col-status = État d’avancement
col-count = Nombre
col-share = Proportion
col-mechanism = Mécanisme
col-recommendations = Recommandations
col-implemented = Mises en œuvre
col-name = Nom
col-id = Identifiant
col-title = Titre
col-lead = Institution chef de file
col-due = Échéance
col-date = Date
col-value = Valeur
col-source = Source

list-showing = Résultats { $first } à { $last } sur { $total }
list-views-label = Filtrer
list-order-newest = Les plus récentes d’abord
list-filter-state = États examinés
list-all-states = Tous les États
list-title-state = { $title } : { $state }
pager-label = Pages
pager-prev = Précédent
pager-next = Suivant
page-number = page { $number }
paragraph-short = par.

response-supported = Soutenue
response-supported-in-part = Soutenue en partie
response-noted = Notée
response-pending = Réponse en attente

recommendation-title = Recommandation { $id }
rec-current-status = État d’avancement actuel
rec-response = Réponse de l’État
rec-source = Source
rec-mechanism = Mécanisme
rec-document = Document
rec-document-original = original
rec-paragraph = Paragraphe
rec-date = Date
rec-recommending-states = { $count ->
    [one] État auteur de la recommandation
   *[other] États auteurs de la recommandation
}
rec-assessments = Dernières évaluations
rec-assessments-hint = La dernière évaluation de chaque évaluateur est présentée côte à côte avec les autres ; elles ne sont jamais fusionnées.
rec-no-updates = Aucune mise à jour de l’état d’avancement n’a encore été publiée.
rec-history = Historique de l’état d’avancement
rec-actions = Mesures
rec-no-actions = Aucune mesure n’a encore été prévue pour donner suite à cette recommandation.
rec-filed-under = Responsabilité et classification
rec-lead = Institution chef de file
rec-partners = Institutions partenaires
rec-sdg-goals = Objectifs de développement durable
rec-sdg-targets = Cibles des objectifs de développement durable
rec-position-source = Source de la position
rec-cluster = Regroupement
rec-cluster-others = Autres recommandations de ce regroupement
rec-cluster-more = { $count ->
    [one] et { $count } autre recommandation dans ce regroupement
   *[other] et { $count } autres recommandations dans ce regroupement
}
rec-cite = Citer cette page
rec-cite-updated = Dernière mise à jour : { $date }.
rec-aliases = Identifiants antérieurs

assessor-government = Gouvernement
assessor-nhri = Institution nationale des droits de l’homme
assessor-civil-society = Société civile
assessed-by = Évaluation réalisée par
evidence = Éléments justificatifs
evidence-link = source { $number }

action-label = Mesure { $id }
action-start = Début
action-due = Échéance
action-recommendations = { $count ->
    [one] Recommandation à laquelle la mesure donne suite
   *[other] Recommandations auxquelles la mesure donne suite
}

term-website = Site Web
term-children = Sous-thèmes et cibles
term-no-recommendations = Aucune recommandation n’est encore classée ici.
mechanism-kind = Type
mechanism-kind-upr = Examen périodique universel
mechanism-kind-treaty-body = Organe conventionnel
mechanism-kind-special-procedure = Procédure spéciale
mechanism-kind-regional = Mécanisme régional
mechanism-kind-national = Mécanisme national
mechanism-kind-other = Autre
institution-kind = Type
institution-kind-ministry = Ministère
institution-kind-agency = Organisme public
institution-kind-parliament = Parlement
institution-kind-judiciary = Pouvoir judiciaire
institution-kind-nhri = Institution nationale des droits de l’homme
institution-kind-local-government = Collectivité locale
institution-kind-civil-society = Société civile
institution-kind-other = Autre
document-date = Date
document-cycle = Cycle de l’Examen périodique universel
document-session = Session
sdg-goal = Objectif
sdg-target = Cible

indicator-kind = Type
indicator-kind-structural = Indicateur structurel
indicator-kind-process = Indicateur de processus
indicator-kind-outcome = Indicateur de résultat
indicator-unit = Unité
indicator-baseline = Valeur de référence
indicator-target = Valeur cible
indicator-latest = Dernière valeur
indicator-measurements = Mesures relevées

fallback-notice = Pas encore traduit. Langue d’affichage : { $language }.
not-found-title = Page introuvable
not-found-text = Cette adresse ne correspond à aucune page de ce portail. Les pages des recommandations conservent leur adresse de manière permanente ; vérifiez que le lien ne comporte pas de faute de frappe.
redirect-text = Cette recommandation porte désormais un nouvel identifiant. Sa page se trouve à l’adresse suivante :
redirect-list-text = Cette liste présente désormais les plus récentes d’abord sur sa propre page, à l’adresse suivante :
