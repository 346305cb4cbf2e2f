# 信息何时收到、由谁提交。
submitted-on = 收到日期
submitted-by = 提交者

# The "submit information" section of a recommendation page ([contribute] in config.toml).
contribute-heading = 提交信息
contribute-review = 您了解这项建议的落实情况吗？国家人权机构、民间社会组织和任何人都可以提交信息和证据。秘书处审查每一份来文，请负责机构作出回应，并公布附有来源的评估；未经您同意，绝不公布您的姓名。
contribute-by-email = 通过电子邮件发送信息
contribute-by-form = 通过表格发送信息
