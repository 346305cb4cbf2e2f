# Docket default theme: English UI strings.
# Dates: date-format receives $day, $month (name), $monthnum and $year.
date-format = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

skip-to-content = Skip to main content
languages = Languages
main-navigation = Main
more-navigation = More
breadcrumbs = Breadcrumbs
nav-home = Home
footer-as-of = Data as of { $date }.
footer-built-with = Published with Docket, an open-source portal for human rights follow-up.

section-recommendations = Recommendations
section-actions = Actions
section-mechanisms = Mechanisms
section-documents = Documents
section-institutions = Institutions
section-themes = Themes
section-groups = Affected groups
section-sdg = Sustainable Development Goals
section-clusters = Clusters
section-statuses = Statuses
section-indicators = Indicators

home-figures = Key figures
home-recommendations = Recommendations
home-implemented = Implemented
home-actions = Actions
home-mechanisms = Mechanisms
home-by-status = Implementation status
home-by-mechanism = By mechanism
home-latest-updates = Latest status updates

breakdown-caption = { $total ->
    [one] Status of { $total } recommendation, by the government's latest assessment
   *[other] Status of { $total } recommendations, by the government's latest assessment
}
status-unreported = No status reported
col-status = Status
col-count = Number
col-share = Share
col-mechanism = Mechanism
col-recommendations = Recommendations
col-implemented = Implemented
col-name = Name
col-id = Id
col-title = Title
col-lead = Lead institution
col-due = Due
col-date = Date
col-value = Value
col-source = Source

list-showing = Showing { $first }–{ $last } of { $total }
list-views-label = Filter
list-order-newest = Newest first
list-filter-state = States under review
list-all-states = All States
list-title-state = { $title }: { $state }
pager-label = Pages
pager-prev = Previous
pager-next = Next
page-number = page { $number }
paragraph-short = para.

response-supported = Supported
response-supported-in-part = Supported in part
response-noted = Noted
response-pending = Response pending

recommendation-title = Recommendation { $id }
rec-current-status = Current status
rec-response = State's response
rec-source = Source
rec-mechanism = Mechanism
rec-document = Document
rec-document-original = original
rec-paragraph = Paragraph
rec-date = Date
rec-recommending-states = { $count ->
    [one] Recommending State
   *[other] Recommending States
}
rec-assessments = Latest assessments
rec-assessments-hint = Each assessor's latest view is shown side by side; they are never merged.
rec-no-updates = No status update has been published yet.
rec-history = Status history
rec-actions = Actions
rec-no-actions = No action has been planned for this recommendation yet.
rec-filed-under = Responsibility and classification
rec-lead = Lead institution
rec-partners = Partner institutions
rec-sdg-goals = SDG goals
rec-sdg-targets = SDG targets
rec-position-source = Source of the position
rec-cluster = Cluster
rec-cluster-others = Other recommendations in this cluster
rec-cluster-more = { $count ->
    [one] and { $count } more in this cluster
   *[other] and { $count } more in this cluster
}
rec-cite = Cite this page
rec-cite-updated = Last updated { $date }.
rec-aliases = Earlier identifiers

assessor-government = Government
assessor-nhri = National human rights institution
assessor-civil-society = Civil society
assessed-by = Assessed by
evidence = Evidence
evidence-link = source { $number }

action-label = Action { $id }
action-start = Start
action-due = Due
action-recommendations = { $count ->
    [one] Recommendation addressed
   *[other] Recommendations addressed
}

term-website = Website
term-children = Sub-themes and targets
term-no-recommendations = No recommendation is filed here yet.
mechanism-kind = Kind
mechanism-kind-upr = Universal Periodic Review
mechanism-kind-treaty-body = Treaty body
mechanism-kind-special-procedure = Special procedure
mechanism-kind-regional = Regional mechanism
mechanism-kind-national = National mechanism
mechanism-kind-other = Other
institution-kind = Kind
institution-kind-ministry = Ministry
institution-kind-agency = Agency
institution-kind-parliament = Parliament
institution-kind-judiciary = Judiciary
institution-kind-nhri = National human rights institution
institution-kind-local-government = Local government
institution-kind-civil-society = Civil society
institution-kind-other = Other
document-date = Date
document-cycle = UPR cycle
document-session = Session
sdg-goal = Goal
sdg-target = Target

indicator-kind = Kind
indicator-kind-structural = Structural
indicator-kind-process = Process
indicator-kind-outcome = Outcome
indicator-unit = Unit
indicator-baseline = Baseline
indicator-target = Target
indicator-latest = Latest
indicator-measurements = Measurements

fallback-notice = Not yet translated: shown in { $language }.
not-found-title = Page not found
not-found-text = This address does not lead to a page of this portal. Recommendation pages keep their address forever; check the link for a typing mistake.
redirect-text = This recommendation now has a new identifier. Its page is at
redirect-list-text = This list now shows the newest first on its own page, at
