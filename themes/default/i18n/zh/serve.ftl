# 仅由 `docket serve` 显示，在门户存在问题时显示于最后一次成功构建的版本之上。
serve-problems-title = 阻止构建的问题：{ $count }
serve-problems-intro = 本页显示的是最后一次成功构建的版本。请修正下列问题并保存文件：所有打开的页面都会自动重新加载。
serve-problem-help = 修正方法：
serve-problem-source = { $file } 第 { $line } 行：
