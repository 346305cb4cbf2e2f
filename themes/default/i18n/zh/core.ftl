# Docket 默认主题：简体中文界面字符串。
# 日期：date-format 接收 $day、$month（月份名称）、$monthnum 和 $year。
date-format = { $year }年{ $monthnum }月{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

skip-to-content = 跳至主要内容
languages = 语言
main-navigation = 主导航
more-navigation = 更多
breadcrumbs = 导航路径
nav-home = 首页
footer-as-of = 数据截至{ $date }。
footer-built-with = 本网站使用 Docket 发布。Docket 是用于人权后续行动的开源门户。

section-recommendations = 建议
section-actions = 行动
section-mechanisms = 机制
section-documents = 文件
section-institutions = 机构
section-themes = 主题
section-groups = 受影响群体
section-sdg = 可持续发展目标
section-clusters = 建议分组
section-statuses = 执行状况
section-indicators = 指标

home-figures = 主要数据
home-recommendations = 建议
home-implemented = 已执行
home-actions = 行动
home-mechanisms = 机制
home-by-status = 执行状况
home-by-mechanism = 按机制分列
home-latest-updates = 最新状况更新

breakdown-caption = { $total ->
   *[other] 根据政府的最新评估，{ $total }项建议的执行状况
}
status-unreported = 未报告状况
col-status = 状况
col-count = 数量
col-share = 占比
col-mechanism = 机制
col-recommendations = 建议
col-implemented = 已执行
col-name = 名称
col-id = 编号
col-title = 标题
col-lead = 牵头机构
col-due = 截止日期
col-date = 日期
col-value = 数值
col-source = 来源

list-showing = 显示第{ $first }–{ $last }项，共{ $total }项
list-views-label = 筛选
list-order-newest = 最新优先
list-filter-state = 受审议国
list-all-states = 所有国家
list-title-state = { $title }：{ $state }
pager-label = 分页
pager-prev = 上一页
pager-next = 下一页
page-number = 第{ $number }页
paragraph-short = 段落

response-supported = 支持
response-supported-in-part = 部分支持
response-noted = 注意到
response-pending = 尚待答复

recommendation-title = 建议 { $id }
rec-current-status = 当前状况
rec-response = 国家的答复
rec-source = 来源
rec-mechanism = 机制
rec-document = 文件
rec-document-original = 原文
rec-paragraph = 段落
rec-date = 日期
rec-recommending-states = { $count ->
   *[other] 提出建议的国家
}
rec-assessments = 最新评估
rec-assessments-hint = 各评估方的最新评估并列显示，绝不合并。
rec-no-updates = 尚未发布任何状况更新。
rec-history = 状况变更记录
rec-actions = 行动
rec-no-actions = 尚未就该建议规划任何行动。
rec-filed-under = 责任与分类
rec-lead = 牵头机构
rec-partners = 合作机构
rec-sdg-goals = 可持续发展目标
rec-sdg-targets = 可持续发展目标具体目标
rec-position-source = 立场来源
rec-cluster = 分组
rec-cluster-others = 本组其他建议
rec-cluster-more = { $count ->
   *[other] 以及本组另外{ $count }项建议
}
rec-cite = 引用本页
rec-cite-updated = 最后更新：{ $date }。
rec-aliases = 原编号

assessor-government = 政府
assessor-nhri = 国家人权机构
assessor-civil-society = 民间社会
assessed-by = 评估方：
evidence = 证据
evidence-link = 来源{ $number }

action-label = 行动 { $id }
action-start = 开始日期
action-due = 截止日期
action-recommendations = { $count ->
   *[other] 所涉建议
}

term-website = 网站
term-children = 子主题和具体目标
term-no-recommendations = 此处尚未归入任何建议。
mechanism-kind = 类型
mechanism-kind-upr = 普遍定期审议
mechanism-kind-treaty-body = 条约机构
mechanism-kind-special-procedure = 特别程序
mechanism-kind-regional = 区域机制
mechanism-kind-national = 国家机制
mechanism-kind-other = 其他
institution-kind = 类型
institution-kind-ministry = 部委
institution-kind-agency = 政府机构
institution-kind-parliament = 议会
institution-kind-judiciary = 司法机关
institution-kind-nhri = 国家人权机构
institution-kind-local-government = 地方政府
institution-kind-civil-society = 民间社会
institution-kind-other = 其他
document-date = 日期
document-cycle = 普遍定期审议周期
document-session = 届会
sdg-goal = 目标
sdg-target = 具体目标

indicator-kind = 类型
indicator-kind-structural = 结构指标
indicator-kind-process = 过程指标
indicator-kind-outcome = 结果指标
indicator-unit = 单位
indicator-baseline = 基线
indicator-target = 目标值
indicator-latest = 最新值
indicator-measurements = 测量数据

fallback-notice = 尚未翻译。显示语言：{ $language }。
not-found-title = 未找到页面
not-found-text = 此地址不对应本门户的任何页面。建议页面的地址永久不变；请检查链接是否有输入错误。
redirect-text = 此建议现已使用新编号，其页面地址为：
redirect-list-text = 此列表现已在其自身页面上按最新优先显示，地址为：
