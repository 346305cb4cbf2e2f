# 信息何时收到、由谁提交。
submitted-on = 收到日期
submitted-by = 提交者
