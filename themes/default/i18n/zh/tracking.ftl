# 跟踪：状况规则、截止日期、数据概览、机构记分卡、报告提交日程、变更情况。
breakdown-nhri-note = 旁边同时列出国家人权机构的评估。
col-government = 政府
col-nhri = 国家人权机构
col-quarter = 季度
col-institution = 机构
col-report = 报告
col-submitted = 提交日期
quarter-label = { $year }年第{ $quarter }季度
progress-heading = 进展情况变化
progress-hint = 根据政府的评估，各季度末处于各执行状况的建议所占比例；依据注明日期的状况更新推算得出。
progress-caption = 各季度末按执行状况分列的建议（政府的评估）
progress-table-summary = 显示数据
home-overdue = 逾期行动
home-follow-up = 后续行动
stale-label = 已过时：
stale-since = 自{ $date }以来未更新。
status-derived = { $count ->
   *[other] 根据{ $count }项行动得出；进展最慢的是
}
deadline-overdue = { $days ->
   *[other] 逾期{ $days }天
}
deadline-due-soon = 即将到期
tracking-overdue-title = 逾期行动
tracking-reporting-title = 报告提交日程
tracking-scorecards-title = 机构比较
tracking-changes-title = 变更情况
tracking-overdue-actions = { $count ->
   *[other] { $count }项逾期行动
}
tracking-due-soon-actions = { $count ->
   *[other] { $count }项行动即将到期
}
tracking-overdue-intro = 截至{ $date }已超过截止日期且尚未结束的行动，按牵头机构分组。
tracking-no-lead = 无牵头机构
tracking-none-overdue = 没有逾期行动。
tracking-due-soon-heading = { $days ->
   *[other] 未来{ $days }天内到期
}
tracking-none-due-soon = 没有即将到期的行动。
tracking-reporting-intro = 截至{ $date }应向各机制提交的报告。
report-state-overdue = 逾期未交
report-state-upcoming = 待提交
report-state-late = 逾期提交
report-state-on-time = 按时提交
tracking-changes-intro = { $since }之后至{ $date }（含）发布的状况更新，按时间由近及远排列。
tracking-changes-count = { $count ->
   *[other] { $count }条更新
}
tracking-changed-from = 同一评估方此前评定的状况：
scorecard-heading = 记分卡
scorecard-intro = 截至{ $date }，各机构牵头或参与的建议和行动。所列状况均为政府的评估。
scorecard-assigned = 建议
scorecard-implemented = 已执行
scorecard-in-progress = 正在执行
scorecard-unreported = 无状况
scorecard-actions = 行动
scorecard-overdue = 逾期行动
scorecard-days-since = 距上次更新天数
scorecard-last-update = 最近更新
scorecard-compare = 比较所有机构
days-ago = { $days ->
   *[other] { $days }天前
}
indicator-baseline-line = 基线：{ $value }
indicator-target-line = 目标值：{ $value }
rec-history-earlier = 以往的状态更新
