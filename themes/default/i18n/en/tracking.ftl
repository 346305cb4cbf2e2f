# Tracking: status rule, deadlines, dashboards, scorecards, reporting calendar, changes.
breakdown-nhri-note = The national human rights institution's assessment is shown beside it.
col-government = Government
col-nhri = NHRI
col-quarter = Quarter
col-institution = Institution
col-report = Report
col-submitted = Submitted
quarter-label = Q{ $quarter } { $year }
progress-heading = Progress over time
progress-hint = Share of recommendations in each status at the end of each quarter, by the government's assessment, reconstructed from the dated status updates.
progress-caption = Recommendations by status at the end of each quarter (government's assessment)
progress-table-summary = Show the numbers
home-overdue = Overdue actions
home-follow-up = Follow-up
stale-label = Stale:
stale-since = not updated since { $date }.
status-derived = { $count ->
    [one] Derived from the action
   *[other] Derived from { $count } actions; the least advanced is
}
deadline-overdue = { $days ->
    [one] Overdue by { $days } day
   *[other] Overdue by { $days } days
}
deadline-due-soon = Due soon
tracking-overdue-title = Overdue actions
tracking-reporting-title = Reporting calendar
tracking-scorecards-title = Institutions compared
tracking-changes-title = What changed
tracking-overdue-actions = { $count ->
    [one] { $count } overdue action
   *[other] { $count } overdue actions
}
tracking-due-soon-actions = { $count ->
    [one] { $count } action due soon
   *[other] { $count } actions due soon
}
tracking-overdue-intro = Actions past their due date and not closed on { $date }, grouped by lead institution.
tracking-no-lead = No lead institution
tracking-none-overdue = No action is overdue.
tracking-due-soon-heading = { $days ->
    [one] Due within the next { $days } day
   *[other] Due within the next { $days } days
}
tracking-none-due-soon = No action is due soon.
tracking-reporting-intro = Reports due to each mechanism, as of { $date }.
report-state-overdue = Overdue
report-state-upcoming = Upcoming
report-state-late = Submitted late
report-state-on-time = Submitted on time
tracking-changes-intro = Status updates published after { $since } and up to { $date }, newest first.
tracking-changes-count = { $count ->
    [one] { $count } update
   *[other] { $count } updates
}
tracking-changed-from = Previous status by the same assessor:
scorecard-heading = Scorecard
scorecard-intro = Recommendations and actions each institution leads or partners on, as of { $date }. Statuses are the government's assessments.
scorecard-assigned = Recommendations
scorecard-implemented = Implemented
scorecard-in-progress = In progress
scorecard-unreported = No status
scorecard-actions = Actions
scorecard-overdue = Overdue actions
scorecard-days-since = Days since last update
scorecard-last-update = Last update
scorecard-compare = Compare all institutions
days-ago = { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}
indicator-baseline-line = Baseline { $value }
indicator-target-line = Target { $value }
rec-history-earlier = Earlier status updates
