<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>AnchorCheck</name>
    <message>
      <source>The anchor could not be checked. The details are in the log file.</source>
      <translation>无法核对锚点。详细信息见日志文件。</translation>
    </message>
    <message>
      <source>The database was changed outside Slipdesk</source>
      <translation>数据库在 Slipdesk 之外被改动</translation>
    </message>
    <message>
      <source>This database no longer matches its anchor of %1 (fingerprint %2), kept outside it:
%3

Someone may have rewound or rewritten it. Tell the manager: slipdesk-admin verify --anchor checks it all.</source>
      <translation>本数据库与保存在库外的 %1 锚点（指纹 %2）不再相符：
%3

可能有人将其回退或改写。请告知经理：用 slipdesk-admin verify --anchor 可全面核查。</translation>
    </message>
    <message>
      <source>… and %1 more</source>
      <translation>…… 另有 %1 处</translation>
    </message>
  </context>
  <context>
    <name>AnswerPicker</name>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Insert</source>
      <translation>插入</translation>
    </message>
    <message>
      <source>No standard answer found.</source>
      <translation>没有找到标准答复口径。</translation>
    </message>
    <message>
      <source>Search the standard answers</source>
      <translation>搜索标准答复口径</translation>
    </message>
    <message>
      <source>Standard answers (口径一致)</source>
      <translation>标准答复口径（口径一致）</translation>
    </message>
    <message>
      <source>Standard answers found</source>
      <translation>找到的标准答复口径</translation>
    </message>
    <message>
      <source>The answer as it will be inserted</source>
      <translation>插入后的答复内容</translation>
    </message>
    <message>
      <source>This slip has nothing for %1: complete it by hand.</source>
      <translation>本处理单中没有可填入 %1 的内容，请手工补全。</translation>
    </message>
  </context>
  <context>
    <name>AnswersPage</name>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>Answer</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>Any category</source>
      <translation>任何类别</translation>
    </message>
    <message>
      <source>Approved wording for frequent complaints, so that every clerk says the same. Placeholders are filled from the slip when inserted: %1</source>
      <translation>针对常见投诉核定的统一说法，保证每位接待人员口径一致。插入时，占位符会按处理单内容自动填写：%1</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Category of the answer</source>
      <translation>答复口径所属类别</translation>
    </message>
    <message>
      <source>Change note</source>
      <translation>修改说明</translation>
    </message>
    <message>
      <source>Copied.</source>
      <translation>已复制。</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>复制</translation>
    </message>
    <message>
      <source>Earlier versions</source>
      <translation>历史版本</translation>
    </message>
    <message>
      <source>New answer</source>
      <translation>新建答复口径</translation>
    </message>
    <message>
      <source>Save as new version</source>
      <translation>另存为新版本</translation>
    </message>
    <message>
      <source>Saved as version %1.</source>
      <translation>已保存为第 %1 版。</translation>
    </message>
    <message>
      <source>Search the standard answers</source>
      <translation>搜索标准答复口径</translation>
    </message>
    <message>
      <source>Showing version %1; saving makes it the newest version again.</source>
      <translation>正在显示第 %1 版；保存后它将重新成为最新版本。</translation>
    </message>
    <message>
      <source>Standard answers</source>
      <translation>标准答复口径</translation>
    </message>
    <message>
      <source>Standard answers (口径一致)</source>
      <translation>标准答复口径（口径一致）</translation>
    </message>
    <message>
      <source>The answer</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>称呼</translation>
    </message>
    <message>
      <source>Versions</source>
      <translation>版本</translation>
    </message>
    <message>
      <source>Why it changed</source>
      <translation>修改原因</translation>
    </message>
    <message>
      <source>Why it changed (kept with the version)</source>
      <translation>修改原因（随版本保存）</translation>
    </message>
    <message>
      <source>Withdraw</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>v%1  %2  %3</source>
      <translation>第 %1 版  %2  %3</translation>
    </message>
  </context>
  <context>
    <name>ApprovalsPage</name>
    <message>
      <source>&amp;Confirm and send up… (C)</source>
      <translation>确认上报…(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Open slip</source>
      <translation>打开处理单(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Return to the clerk (R)</source>
      <translation>退回接待人员(&amp;R)</translation>
    </message>
    <message>
      <source>Awaiting your confirmation (待确认上报)</source>
      <translation>待您确认上报</translation>
    </message>
    <message>
      <source>C: confirm and send to the upper service-management department… · R: return to the clerk with a reason · Enter: open the slip</source>
      <translation>C：确认并报上级服务管理部门… · R：说明原因后退回接待人员 · Enter：打开处理单</translation>
    </message>
    <message>
      <source>Clerk's reason: %1</source>
      <translation>接待人员说明的理由：%1</translation>
    </message>
    <message>
      <source>Flagged by: %1</source>
      <translation>上报依据：%1</translation>
    </message>
    <message>
      <source>Nothing waits for you.</source>
      <translation>没有等待您处理的事项。</translation>
    </message>
    <message>
      <source>Slip %1 was returned to %2 with your reason.</source>
      <translation>处理单 %1 已连同您的说明退回给%2。</translation>
    </message>
    <message>
      <source>Slips awaiting confirmation</source>
      <translation>待确认上报的处理单</translation>
    </message>
    <message>
      <source>The complaint in the customer's words</source>
      <translation>客户原话记录的投诉内容</translation>
    </message>
    <message>
      <source>the clerk</source>
      <translation>接待人员</translation>
    </message>
  </context>
  <context>
    <name>Asking</name>
    <message>
      <source>&amp;Rewrite first</source>
      <translation>先修改(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Submit as it is: the person in charge sees the flags</source>
      <translation>按原文提交：负责人审批时会看到标注(&amp;S)</translation>
    </message>
    <message>
      <source>Attach the scanned letter</source>
      <translation>附加信函扫描件</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Calls outside office hours</source>
      <translation>非工作时间来电</translation>
    </message>
    <message>
      <source>Choose another database…</source>
      <translation>选择其他数据库…</translation>
    </message>
    <message>
      <source>Choose the logo</source>
      <translation>选择标志图片</translation>
    </message>
    <message>
      <source>Choose the printing font</source>
      <translation>选择打印字体</translation>
    </message>
    <message>
      <source>Copy the latest backup to…</source>
      <translation>将最新备份复制到…</translation>
    </message>
    <message>
      <source>Database chosen</source>
      <translation>已选定数据库</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <source>Excel workbook (*.xlsx);;CSV file (*.csv)</source>
      <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Export slips</source>
      <translation>导出处理单</translation>
    </message>
    <message>
      <source>Export the review</source>
      <translation>导出总结检讨</translation>
    </message>
    <message>
      <source>Import residents</source>
      <translation>导入住户</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <source>Letter sent</source>
      <translation>信函已寄出</translation>
    </message>
    <message>
      <source>Notice text, iCalendar or CSV (*.txt *.ics *.csv);;All files (*)</source>
      <translation>通知文本、iCalendar 或 CSV (*.txt *.ics *.csv);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Open the notice or a calendar file</source>
      <translation>打开通知或日历文件</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
      <source>PNG or JPEG images (*.png *.jpg *.jpeg)</source>
      <translation>PNG 或 JPEG 图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Read, nothing to do</source>
      <translation>已阅，无需处理</translation>
    </message>
    <message>
      <source>Record that the approved %1 was sent now? After a letter, a thank-you follow-up is put on the dashboard for when the customer has it.</source>
      <translation>已批准的%1现在已发出，要登记吗？信函寄出后，系统会在“今日”页面安排再次致谢，待客户收到信函后进行。</translation>
    </message>
    <message>
      <source>Remove resident</source>
      <translation>删除住户</translation>
    </message>
    <message>
      <source>Restart and restore</source>
      <translation>重启并恢复</translation>
    </message>
    <message>
      <source>Restore the backup</source>
      <translation>恢复备份</translation>
    </message>
    <message>
      <source>Return to the clerk</source>
      <translation>退回接待人员</translation>
    </message>
    <message>
      <source>Save a copy</source>
      <translation>另存副本</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>另存为 PDF</translation>
    </message>
    <message>
      <source>Save the problem report</source>
      <translation>保存问题报告</translation>
    </message>
    <message>
      <source>Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;All files (*)</source>
      <translation>扫描件 (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Slipdesk cannot start</source>
      <translation>Slipdesk 无法启动</translation>
    </message>
    <message>
      <source>Slipdesk checked the database before opening it and found it damaged:
%1

The last good backup is from %2 (%3 slips). Restore it and start? The damaged file is kept beside it (…before-restore-…) for your administrator. Slips saved after that backup are not in it.</source>
      <translation>Slipdesk 在打开数据库前进行了检查，发现它已损坏：
%1

最近一份完好的备份是 %2 的（%3 张处理单）。要恢复该备份并启动吗？损坏的文件会保留在原处（…before-restore-…），供系统管理员处理。该备份之后保存的处理单不在其中。</translation>
    </message>
    <message>
      <source>Slipdesk checked the whole database while you worked and found it damaged:
%1

Restart Slipdesk now to restore the last good backup? Slipdesk checks the database again as it starts and offers the backup. Until then, what this desk shows may be wrong.</source>
      <translation>Slipdesk 在您工作期间检查了整个数据库，发现已损坏：
%1

现在重启 Slipdesk 以恢复最近一份完好的备份吗？Slipdesk 启动时会再次检查数据库并提供该备份。在此之前，本前台显示的内容可能有误。</translation>
    </message>
    <message>
      <source>Slipdesk database (*.db);;All files (*)</source>
      <translation>Slipdesk 数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Slipdesk opens this database from its next start. Restart Slipdesk now? Save your open forms first.</source>
      <translation>Slipdesk 下次启动时将打开此数据库。现在就重启 Slipdesk 吗？请先保存正在填写的表单。</translation>
    </message>
    <message>
      <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
      <translation>电子表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Submit the letter?</source>
      <translation>提交这封信函吗？</translation>
    </message>
    <message>
      <source>Take %1 off the directory? Slips keep the details written on them.</source>
      <translation>要将 %1 从住户名录中删除吗？处理单上已记录的信息不受影响。</translation>
    </message>
    <message>
      <source>Thanking again is impossible</source>
      <translation>无法再次致谢</translation>
    </message>
    <message>
      <source>The customer agreed beforehand to be called outside office hours (经客户事先许可). Who agreed?</source>
      <translation>客户事先同意在非工作时间来电（经客户事先许可）。是谁同意的？</translation>
    </message>
    <message>
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <source>TrueType fonts (*.ttf *.ttc)</source>
      <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
      <source>What does the entry say, and why does it need nothing more?</source>
      <translation>留言写了什么？为什么无需进一步处理？</translation>
    </message>
    <message>
      <source>Why can the customer not be thanked again (no phone or e-mail, not reachable, …)?</source>
      <translation>为什么无法再次致谢（没有电话或电子邮箱、联系不上等）？</translation>
    </message>
    <message>
      <source>Why does slip %1 not go up? The clerk sees this:</source>
      <translation>处理单 %1 为什么不上报？接待人员会看到以下说明：</translation>
    </message>
    <message>
      <source>Withdraw the answer</source>
      <translation>停用此答复口径</translation>
    </message>
    <message>
      <source>Withdraw this answer from the library? Its versions stay on file.</source>
      <translation>要停用此答复口径吗？其各版本仍会存档。</translation>
    </message>
    <message>
      <source>Within the desk's authority: assign it for handling directly.</source>
      <translation>属前台处理权限，请直接派单处理。</translation>
    </message>
  </context>
  <context>
    <name>AuthorityPanel</name>
    <message>
      <source>&amp;Beyond: the person in charge confirms</source>
      <translation>超出权限：由负责人确认(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Within my authority: notify the department</source>
      <translation>属我的处理权限：通知责任部门(&amp;W)</translation>
    </message>
    <message>
      <source>Authority suggestion</source>
      <translation>处理权限建议</translation>
    </message>
    <message>
      <source>Compensation</source>
      <translation>补偿</translation>
    </message>
    <message>
      <source>Department that handles it</source>
      <translation>负责处理的部门</translation>
    </message>
    <message>
      <source>Goodwill compensation in yuan</source>
      <translation>善意补偿金额（元）</translation>
    </message>
    <message>
      <source>Handled by</source>
      <translation>处理部门</translation>
    </message>
    <message>
      <source>Handling authority (处理权限)</source>
      <translation>处理权限</translation>
    </message>
    <message>
      <source>Looks beyond your authority</source>
      <translation>看来超出您的处理权限</translation>
    </message>
    <message>
      <source>Looks within your authority</source>
      <translation>看来属于您的处理权限</translation>
    </message>
    <message>
      <source>No clerk settles this at the desk: it goes to the person in charge.</source>
      <translation>前台不能自行处理：须由负责人处理。</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Reason for deciding against the suggestion</source>
      <translation>不采纳建议的理由</translation>
    </message>
    <message>
      <source>Repair cost</source>
      <translation>维修费用</translation>
    </message>
    <message>
      <source>Repair cost in yuan</source>
      <translation>维修费用（元）</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Responsible person (optional)</source>
      <translation>责任人（可不填）</translation>
    </message>
    <message>
      <source>The category's department</source>
      <translation>该类别的责任部门</translation>
    </message>
    <message>
      <source>The category's department (%1)</source>
      <translation>该类别的责任部门（%1）</translation>
    </message>
    <message>
      <source>Why you decide otherwise, in a few words</source>
      <translation>简要说明您不采纳建议的原因</translation>
    </message>
    <message>
      <source>none: choose one</source>
      <translation>未设置：请选择</translation>
    </message>
    <message>
      <source>¥ asked or offered</source>
      <translation>¥ 客户要求或拟给予</translation>
    </message>
    <message>
      <source>¥ estimated</source>
      <translation>¥ 估算</translation>
    </message>
  </context>
  <context>
    <name>AuthoritySettingsPage</name>
    <message>
      <source>Always escalate</source>
      <translation>必须上报</translation>
    </message>
    <message>
      <source>Authority and lists (处理权限)</source>
      <translation>处理权限与设置</translation>
    </message>
    <message>
      <source>Authority by category</source>
      <translation>按类别划分的处理权限</translation>
    </message>
    <message>
      <source>Departments and people</source>
      <translation>部门与责任人</translation>
    </message>
    <message>
      <source>Desk security and backups</source>
      <translation>前台安全与备份</translation>
    </message>
    <message>
      <source>Letterhead and printing</source>
      <translation>信头与打印</translation>
    </message>
    <message>
      <source>Limits and repeats</source>
      <translation>金额上限与重复投诉</translation>
    </message>
    <message>
      <source>Office hours</source>
      <translation>办公时间</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>%1

Your data is unchanged. Try “Back up now…” from the File menu, or tell the manager.</source>
      <translation>%1

您的数据没有任何变化。请从“文件”菜单中选择“立即备份…”再试一次，或告知经理。</translation>
    </message>
    <message>
      <source>%1 slips backed up to
%2

The copy was checked and is sound.</source>
      <translation>已将 %1 张处理单备份到
%2

备份副本已校验，完好无损。</translation>
    </message>
    <message>
      <source>Backed up</source>
      <translation>备份完成</translation>
    </message>
    <message>
      <source>Backed up at %1 (%2 slips, checked).</source>
      <translation>已于 %1 备份（%2 张处理单，已校验）。</translation>
    </message>
    <message>
      <source>Backing up the database before closing…</source>
      <translation>关闭前正在备份数据库…</translation>
    </message>
    <message>
      <source>Backing up the database for today…</source>
      <translation>正在进行今日的数据库备份…</translation>
    </message>
    <message>
      <source>Backing up the database…</source>
      <translation>正在备份数据库…</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>备份</translation>
    </message>
    <message>
      <source>Backup cancelled: nothing was written, the earlier backups are kept.</source>
      <translation>备份已取消：未写入任何内容，之前的备份均保留。</translation>
    </message>
    <message>
      <source>Backup copied</source>
      <translation>备份已复制</translation>
    </message>
    <message>
      <source>Backup failed</source>
      <translation>备份失败</translation>
    </message>
    <message>
      <source>Backup not copied</source>
      <translation>备份未复制</translation>
    </message>
    <message>
      <source>Copying the latest backup…</source>
      <translation>正在复制最新备份…</translation>
    </message>
    <message>
      <source>Not restored</source>
      <translation>未恢复</translation>
    </message>
    <message>
      <source>Slipdesk checked the database before opening it and found it damaged:
%1

No backup of it was found in %2. Do not delete the file: your administrator may still recover it.</source>
      <translation>Slipdesk 在打开数据库前进行了检查，发现它已损坏：
%1

在 %2 中没有找到它的备份。请不要删除该文件：系统管理员也许还能修复。</translation>
    </message>
    <message>
      <source>The backup could not be written: %1</source>
      <translation>无法写入备份：%1</translation>
    </message>
    <message>
      <source>The backup failed. The details are in the log file.</source>
      <translation>备份失败。详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>The database is damaged</source>
      <translation>数据库已损坏</translation>
    </message>
    <message>
      <source>The latest backup (%1 slips) was copied to
%2

The copy on the drive was checked and is sound. You may remove the drive now.</source>
      <translation>最新备份（%1 张处理单）已复制到
%2

移动存储上的副本已校验，完好无损。现在可以拔出移动存储了。</translation>
    </message>
  </context>
  <context>
    <name>Banner</name>
    <message>
      <source>&amp;Open slip</source>
      <translation>打开处理单(&amp;O)</translation>
    </message>
    <message>
      <source>Deadline notification</source>
      <translation>回复时限提醒</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>知道了</translation>
    </message>
  </context>
  <context>
    <name>BookEntryDialog</name>
    <message>
      <source>&amp;Save slip</source>
      <translation>保存处理单(&amp;S)</translation>
    </message>
    <message>
      <source>Comment-book entry %1 of the check on %2</source>
      <translation>%2 查阅意见簿时发现的第 %1 条留言</translation>
    </message>
  </context>
  <context>
    <name>CalendarPage</name>
    <message>
      <source>%1: MISSING. Deadlines in %1 count plain weekdays, an estimate that may fall on a public holiday. Import the State Council's notice for %1, or mark its days and save.</source>
      <translation>%1 年：未录入。%1 年内的时限按周一至周五估算，可能落在法定节假日。请导入国务院办公厅关于 %1 年节假日安排的通知，或逐日标记后保存。</translation>
    </message>
    <message>
      <source>%1: complete — from %2, saved %3 by %4.</source>
      <translation>%1 年：已录入 —— 来源：%2，%3 由 %4 保存。</translation>
    </message>
    <message>
      <source>&amp;Discard changes</source>
      <translation>放弃更改(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Holiday: the desk is closed (休)</source>
      <translation>放假：服务中心不上班（休）(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Import the notice or a file…</source>
      <translation>导入通知或文件(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Make-up working day (调休上班, 班)</source>
      <translation>调休上班日（班）(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Ordinary day</source>
      <translation>普通日(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Save the year…</source>
      <translation>保存本年(&amp;S)…</translation>
    </message>
    <message>
      <source>Changes not saved yet.</source>
      <translation>更改尚未保存。</translation>
    </message>
    <message>
      <source>Click a day to mark it.</source>
      <translation>点击日期进行标记。</translation>
    </message>
    <message>
      <source>Drop the changes not saved to %1?</source>
      <translation>放弃 %1 年尚未保存的更改吗？</translation>
    </message>
    <message>
      <source>Holiday (as the notice names it):</source>
      <translation>节日（按通知的名称）：</translation>
    </message>
    <message>
      <source>Holiday name</source>
      <translation>节日名称</translation>
    </message>
    <message>
      <source>Save %1's holidays and make-up working days? Every deadline counts on them.</source>
      <translation>保存 %1 年的放假和调休上班安排吗？所有回复时限都按此计算。</translation>
    </message>
    <message>
      <source>Save the working calendar</source>
      <translation>保存工作日历</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>设定</translation>
    </message>
    <message>
      <source>Warn on the dashboard from (each year, while next year is missing):</source>
      <translation>每年从此日起，明年日历未录入时在今日页面提醒：</translation>
    </message>
    <message>
      <source>Warning day</source>
      <translation>提醒日</translation>
    </message>
    <message>
      <source>Warning month</source>
      <translation>提醒月份</translation>
    </message>
    <message>
      <source>Working calendar</source>
      <translation>工作日历</translation>
    </message>
    <message>
      <source>Working calendar (工作日历)</source>
      <translation>工作日历</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Year:</source>
      <translation>年份：</translation>
    </message>
    <message>
      <source>day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>休 a public holiday · 班 a weekend day worked · weekends in grey.
Deadlines count working hours on this calendar; a year not entered counts weekdays, and every deadline there says it is an estimate.</source>
      <translation>休：法定节假日 · 班：调休上班的周末 · 周末为灰色。
回复时限按此日历的工作时间计算；未录入的年份按周一至周五估算，相关时限都会注明是估算。</translation>
    </message>
  </context>
  <context>
    <name>CategoriesTab</name>
    <message>
      <source>&amp;Add a category</source>
      <translation>新增类别(&amp;A)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Categories and their authority</source>
      <translation>投诉类别及其处理权限</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>Clerk may settle</source>
      <translation>前台可自行处理</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Handled by</source>
      <translation>处理部门</translation>
    </message>
    <message>
      <source>Words that suggest it (separated by 、)</source>
      <translation>提示该类别的词语（用“、”分隔）</translation>
    </message>
  </context>
  <context>
    <name>CategorySuggest</name>
    <message>
      <source>Suggested from the words %1; choose another if it fits better.</source>
      <translation>根据投诉中的%1建议此类别；如有更合适的，请另选。</translation>
    </message>
    <message>
      <source>The words %1 suggest “%2”.</source>
      <translation>投诉中的%1提示类别为“%2”。</translation>
    </message>
  </context>
  <context>
    <name>CauseDialog</name>
    <message>
      <source>&amp;Corrective action</source>
      <translation>纠正预防措施(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Root cause</source>
      <translation>根本原因(&amp;R)</translation>
    </message>
    <message>
      <source>5Why</source>
      <translation>5Why 追问</translation>
    </message>
    <message>
      <source>Ask “why?” until the root cause shows (5Why), then say how to prevent it (如何彻底解决发生的原因，避免重复再犯).</source>
      <translation>连续追问“为什么”，直到找到根本原因（5Why），再写明如何彻底解决发生的原因，避免重复再犯。</translation>
    </message>
    <message>
      <source>Cause and corrective action — %1</source>
      <translation>原因分析与纠正预防措施 — %1</translation>
    </message>
    <message>
      <source>What is done so that it does not happen again, and who does it</source>
      <translation>为防止再次发生要做什么、由谁负责</translation>
    </message>
  </context>
  <context>
    <name>ChangePasswordDialog</name>
    <message>
      <source>&amp;Change password</source>
      <translation>修改密码(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;New password</source>
      <translation>新密码(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Present password</source>
      <translation>当前密码(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Repeat new password</source>
      <translation>再次输入新密码(&amp;R)</translation>
    </message>
    <message>
      <source>A manager reset your password: choose one only you know.</source>
      <translation>经理已重置您的密码，请设置一个只有您自己知道的新密码。</translation>
    </message>
    <message>
      <source>Change my password</source>
      <translation>修改我的密码</translation>
    </message>
    <message>
      <source>Signed in as %1.</source>
      <translation>当前登录：%1。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
  </context>
  <context>
    <name>CommentBookPage</name>
    <message>
      <source>&amp;New entries:</source>
      <translation>新增留言(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Read, nothing to do…</source>
      <translation>已阅，无需处理(&amp;R)…</translation>
    </message>
    <message>
      <source>(not copied at the check)</source>
      <translation>（查阅时未抄录）</translation>
    </message>
    <message>
      <source>Checked by</source>
      <translation>查阅人</translation>
    </message>
    <message>
      <source>Checked on</source>
      <translation>查阅时间</translation>
    </message>
    <message>
      <source>Checked today by %1 at %2: %3 new entries.</source>
      <translation>今天 %2 已由 %1 查阅：新增留言 %3 条。</translation>
    </message>
    <message>
      <source>Comment book (意见簿)</source>
      <translation>意见簿</translation>
    </message>
    <message>
      <source>Entries to deal with</source>
      <translation>待处理的留言</translation>
    </message>
    <message>
      <source>Entry</source>
      <translation>留言</translation>
    </message>
    <message>
      <source>Entry %1 is slip %2: write the number beside the entry in the book.</source>
      <translation>第 %1 条留言已登记为处理单 %2：请在意见簿该条留言旁写上编号。</translation>
    </message>
    <message>
      <source>Entry %1 of %2</source>
      <translation>%2 的第 %1 条留言</translation>
    </message>
    <message>
      <source>New entries found, one per line</source>
      <translation>新增留言，每行一条</translation>
    </message>
    <message>
      <source>New entries to deal with: every entry is answered</source>
      <translation>待处理的新留言：每条留言都要回复</translation>
    </message>
    <message>
      <source>Not checked yet today: check the book by %1 (每日查阅).</source>
      <translation>今天尚未查阅意见簿：请在 %1 前查阅（每日查阅）。</translation>
    </message>
    <message>
      <source>Note (optional): pages checked, anything unusual</source>
      <translation>备注（可不填）：查阅了哪几页、有无异常</translation>
    </message>
    <message>
      <source>Note on the check</source>
      <translation>查阅备注</translation>
    </message>
    <message>
      <source>One line per new entry: copy what it says. Leave empty when nothing new was written.</source>
      <translation>每条新增留言写一行，抄录留言内容；没有新留言时留空。</translation>
    </message>
    <message>
      <source>Record today's &amp;check</source>
      <translation>登记今日查阅(&amp;C)</translation>
    </message>
    <message>
      <source>Take down as a &amp;slip…</source>
      <translation>登记为处理单(&amp;S)…</translation>
    </message>
    <message>
      <source>Today's check</source>
      <translation>今日查阅</translation>
    </message>
    <message>
      <source>What it says</source>
      <translation>留言内容</translation>
    </message>
  </context>
  <context>
    <name>ConfirmEscalation</name>
    <message>
      <source> With it: %1.</source>
      <translation>随附：%1。</translation>
    </message>
    <message>
      <source>%1 attachment</source>
      <translation>附件 %1 份</translation>
    </message>
    <message>
      <source>%1 attachments</source>
      <translation>附件 %1 份</translation>
    </message>
    <message>
      <source>&amp;Confirm and send up</source>
      <translation>确认上报(&amp;C)</translation>
    </message>
    <message>
      <source>Attachments sent with the slip</source>
      <translation>随处理单报送的附件</translation>
    </message>
    <message>
      <source>Clerk's reason</source>
      <translation>接待人员说明的理由</translation>
    </message>
    <message>
      <source>Confirm and send up — %1</source>
      <translation>确认上报 — %1</translation>
    </message>
    <message>
      <source>Flagged by</source>
      <translation>上报依据</translation>
    </message>
    <message>
      <source>Goes with it</source>
      <translation>随单报送</translation>
    </message>
    <message>
      <source>No rule flagged it: the clerk judged it beyond the desk's authority.</source>
      <translation>没有规则判定需上报：接待人员认为超出前台处理权限。</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Recipient</source>
      <translation>接收人</translation>
    </message>
    <message>
      <source>Send to</source>
      <translation>报送部门</translation>
    </message>
    <message>
      <source>Slip %1 was confirmed and sent to %2, to %3.</source>
      <translation>处理单 %1 已确认上报%2，接收人：%3。</translation>
    </message>
    <message>
      <source>The handling slip and its escalation transmittal (投诉事项报送单).</source>
      <translation>处理单及投诉事项报送单。</translation>
    </message>
    <message>
      <source>The letter goes up with the slip; a copy is kept on file (复印，留存备查)</source>
      <translation>投诉信函随处理单上报，已复印，留存备查</translation>
    </message>
    <message>
      <source>Who receives it there (required)</source>
      <translation>上级部门的接收人（必填）</translation>
    </message>
    <message>
      <source>the letter (a copy kept on file)</source>
      <translation>投诉信函（已复印留存）</translation>
    </message>
  </context>
  <context>
    <name>DashboardPage</name>
    <message>
      <source>Slips of the chosen count</source>
      <translation>所选统计项下的处理单</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Write the &amp;handover note (交接班)…</source>
      <translation>填写交接班记录(&amp;H)…</translation>
    </message>
  </context>
  <context>
    <name>DatabaseDialog</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Test the connection</source>
      <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Use this database</source>
      <translation>使用此数据库(&amp;U)</translation>
    </message>
    <message>
      <source>A &amp;file on this computer (one desk)</source>
      <translation>本机上的数据库文件（单个前台）(&amp;F)</translation>
    </message>
    <message>
      <source>A shared &amp;PostgreSQL server (several desks)</source>
      <translation>共享的 PostgreSQL 服务器（多个前台）(&amp;P)</translation>
    </message>
    <message>
      <source>A sound Slipdesk database with %1 slips.</source>
      <translation>完好的 Slipdesk 数据库，共 %1 张处理单。</translation>
    </message>
    <message>
      <source>Choose a file or type the server's address.</source>
      <translation>请选择文件，或填写服务器地址。</translation>
    </message>
    <message>
      <source>Connected to a Slipdesk database with %1 slips.</source>
      <translation>已连接到 Slipdesk 数据库，共 %1 张处理单。</translation>
    </message>
    <message>
      <source>Connected. The database is empty: Slipdesk sets it up at its next start.</source>
      <translation>已连接。该数据库是空的：Slipdesk 下次启动时会自动建立。</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>数据库文件</translation>
    </message>
    <message>
      <source>Name the database after the server, e.g. postgresql://clerk@192.168.1.10/slipdesk.</source>
      <translation>请在服务器地址后写上数据库名，如 postgresql://clerk@192.168.1.10/slipdesk。</translation>
    </message>
    <message>
      <source>No file there yet: Slipdesk will create a new, empty database.</source>
      <translation>该位置还没有文件：Slipdesk 会新建一个空数据库。</translation>
    </message>
    <message>
      <source>Server address</source>
      <translation>服务器地址</translation>
    </message>
    <message>
      <source>Slipdesk cannot reach the database server %1.

Check that this computer is on the network and that the server is running, or choose another database.

Details: %2</source>
      <translation>Slipdesk 无法连接数据库服务器 %1。

请检查本机网络是否连通、服务器是否在运行，或选择其他数据库。

详细信息：%2</translation>
    </message>
    <message>
      <source>Testing…</source>
      <translation>正在测试…</translation>
    </message>
    <message>
      <source>The address, user and database name come from your administrator. Keep a password in the user's pgpass file rather than here: this address is stored on this computer.</source>
      <translation>服务器地址、用户名和数据库名由系统管理员提供。密码请保存在用户的 pgpass 文件中，不要写在这里：此地址会保存在本机上。</translation>
    </message>
    <message>
      <source>The choice is kept on this computer and used from the next start (a database named on Slipdesk's command line still comes first).</source>
      <translation>该选择保存在本机上，从下次启动起生效（在命令行中指定的数据库仍然优先）。</translation>
    </message>
    <message>
      <source>The database file %1 could not be opened.

Details: %2</source>
      <translation>无法打开数据库文件 %1。

详细信息：%2</translation>
    </message>
    <message>
      <source>The folder %1 does not exist.</source>
      <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
      <source>The server cannot be reached or refused the connection: %1</source>
      <translation>无法连接服务器，或服务器拒绝了连接：%1</translation>
    </message>
    <message>
      <source>The test failed: %1</source>
      <translation>测试失败：%1</translation>
    </message>
    <message>
      <source>This is a folder: choose or name a database file in it.</source>
      <translation>这是一个文件夹：请在其中选择或命名一个数据库文件。</translation>
    </message>
    <message>
      <source>Where this desk keeps its slips</source>
      <translation>本前台的处理单保存在哪里</translation>
    </message>
  </context>
  <context>
    <name>DeadlineAid</name>
    <message>
      <source>1 day</source>
      <translation>1 天</translation>
    </message>
    <message>
      <source>1 working day</source>
      <translation>1 个工作日</translation>
    </message>
    <message>
      <source>Set the deadline: within %1, counted on the estate's working calendar</source>
      <translation>设定时限：%1内，按本中心的工作日历计算</translation>
    </message>
    <message>
      <source>Within %1</source>
      <translation>%1内</translation>
    </message>
    <message>
      <source>Within (working time):</source>
      <translation>时限（按工作时间）：</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} 天</translation>
    </message>
    <message>
      <source>{n} h</source>
      <translation>{n} 小时</translation>
    </message>
    <message>
      <source>{n} working days</source>
      <translation>{n} 个工作日</translation>
    </message>
    <message>
      <source>{n} working hours</source>
      <translation>{n} 个工作小时</translation>
    </message>
  </context>
  <context>
    <name>DepartmentsTab</name>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add a &amp;department</source>
      <translation>新增部门(&amp;D)</translation>
    </message>
    <message>
      <source>Add a &amp;person</source>
      <translation>新增责任人(&amp;P)</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Departments</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Responsible people</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Responsible people (with an account, they see their department's notices)</source>
      <translation>责任人（有账户的可以看到本部门的通知）</translation>
    </message>
    <message>
      <source>Slipdesk account</source>
      <translation>Slipdesk 账户</translation>
    </message>
    <message>
      <source>Upper department</source>
      <translation>上级部门</translation>
    </message>
  </context>
  <context>
    <name>DeskGuard</name>
    <message>
      <source>&amp;Back up now…</source>
      <translation>立即备份(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Copy the latest backup to a folder or USB drive…</source>
      <translation>将最新备份复制到文件夹或 U 盘(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Database…</source>
      <translation>数据库(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Lock the desk</source>
      <translation>锁定前台(&amp;L)</translation>
    </message>
  </context>
  <context>
    <name>DeskSecurityTab</name>
    <message>
      <source> backups</source>
      <translation> 份</translation>
    </message>
    <message>
      <source> minutes</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>A backup is made at the first start of each day and when Slipdesk closes; the oldest beyond this number are removed.</source>
      <translation>每天第一次启动时和关闭 Slipdesk 时各备份一次；超出此数目的最早备份会被删除。</translation>
    </message>
    <message>
      <source>A desk nobody touches for this long locks; the open forms stay as they were, and the same person unlocks with their password.</source>
      <translation>前台无人操作达到此时长即自动锁定；正在填写的表单保持原样，由同一个人输入密码解锁。</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>备份文件夹</translation>
    </message>
    <message>
      <source>Backups kept</source>
      <translation>保留备份份数</translation>
    </message>
    <message>
      <source>Backups of a desk on a file</source>
      <translation>单机数据库文件的备份</translation>
    </message>
    <message>
      <source>Default: %1</source>
      <translation>默认：%1</translation>
    </message>
    <message>
      <source>Idle lock of a shared desk</source>
      <translation>共用前台的自动锁定</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>保留</translation>
    </message>
    <message>
      <source>Latest backup</source>
      <translation>最近一次备份</translation>
    </message>
    <message>
      <source>Leave empty for the default folder. A folder on another drive survives a broken disk; copy a backup to a USB drive from the File menu.</source>
      <translation>留空即使用默认文件夹。放在另一个磁盘上的文件夹在硬盘损坏时仍能保住备份；也可从“文件”菜单将备份复制到 U 盘。</translation>
    </message>
    <message>
      <source>Lock after minutes without use</source>
      <translation>无人操作多少分钟后锁定</translation>
    </message>
    <message>
      <source>Lock the desk after</source>
      <translation>闲置锁定时间</translation>
    </message>
    <message>
      <source>Not saved: see the messages above.</source>
      <translation>未保存：请查看上方的提示。</translation>
    </message>
    <message>
      <source>Saved. The idle lock counts with the new time from the next input.</source>
      <translation>已保存。自动锁定将从下一次操作起按新时长计时。</translation>
    </message>
    <message>
      <source>These desks share a PostgreSQL server: back it up on the server (slipdesk-admin backup there, or the server's own backups). The folder applies to desks on a file.</source>
      <translation>这些前台共用一台 PostgreSQL 服务器：请在服务器上备份（在服务器上运行 slipdesk-admin backup，或使用服务器自身的备份）。此文件夹只适用于使用数据库文件的前台。</translation>
    </message>
    <message>
      <source>Type the number, or step it with ↑ and ↓</source>
      <translation>输入数字，或用 ↑ 和 ↓ 调整</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>尚无</translation>
    </message>
  </context>
  <context>
    <name>DirectoryPage</name>
    <message>
      <source>%1 found of %2</source>
      <translation>在 %2 位住户中找到 %1 位</translation>
    </message>
    <message>
      <source>%1 resident</source>
      <translation>%1 位住户</translation>
    </message>
    <message>
      <source>%1 residents</source>
      <translation>%1 位住户</translation>
    </message>
    <message>
      <source>&amp;Import residents…</source>
      <translation>导入住户(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;New resident</source>
      <translation>新增住户(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Remove…</source>
      <translation>删除(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>称呼(&amp;T)</translation>
    </message>
    <message>
      <source>&amp;Unit</source>
      <translation>房号(&amp;U)</translation>
    </message>
    <message>
      <source>Add a resident (%1)</source>
      <translation>新增住户（%1）</translation>
    </message>
    <message>
      <source>E-m&amp;ail</source>
      <translation>电子邮箱(&amp;A)</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>Find residents</source>
      <translation>查找住户</translation>
    </message>
    <message>
      <source>Find: name, initials (zs), phone digits, unit (3-2-1201) — %1</source>
      <translation>查找：姓名、拼音首字母（zs）、电话号码、房号（3-2-1201）—— %1</translation>
    </message>
    <message>
      <source>Import units and residents from an .xlsx or .csv file (manager)</source>
      <translation>从 .xlsx 或 .csv 文件导入房号和住户（经理）</translation>
    </message>
    <message>
      <source>Na&amp;me</source>
      <translation>姓名(&amp;M)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>New resident</source>
      <translation>新增住户</translation>
    </message>
    <message>
      <source>Only a person in charge or a manager changes the directory.</source>
      <translation>只有负责人或经理可以修改住户名录。</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>住户名录</translation>
    </message>
    <message>
      <source>Save the resident (%1)</source>
      <translation>保存住户（%1）</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Second p&amp;hone</source>
      <translation>备用电话(&amp;H)</translation>
    </message>
    <message>
      <source>Second phone</source>
      <translation>备用电话</translation>
    </message>
    <message>
      <source>Take the resident off the directory (moved out)</source>
      <translation>将该住户从名录中删除（已搬走）</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>称呼</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>房号</translation>
    </message>
  </context>
  <context>
    <name>DraftsDialog</name>
    <message>
      <source>%1 unsaved forms will be deleted for good. Nothing of them was saved as a slip.</source>
      <translation>将永久删除 %1 份未保存的表单，其中的内容都未保存为处理单。</translation>
    </message>
    <message>
      <source>&amp;Discard…</source>
      <translation>删除(&amp;D)…</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>恢复(&amp;R)</translation>
    </message>
    <message>
      <source>Complainant</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Correction of slip %1</source>
      <translation>更正处理单 %1</translation>
    </message>
    <message>
      <source>Discard unsaved forms?</source>
      <translation>删除未保存的表单？</translation>
    </message>
    <message>
      <source>Form</source>
      <translation>表单</translation>
    </message>
    <message>
      <source>Keep them: they are offered again at your next sign-in.</source>
      <translation>先保留：下次登录时会再次提示。</translation>
    </message>
    <message>
      <source>Last typed</source>
      <translation>最后输入时间</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>以后再说</translation>
    </message>
    <message>
      <source>Not restored while the same form is being filled in: %1. Save or close that form first.</source>
      <translation>同一份表单正在填写，未恢复：%1。请先保存或关闭那份表单。</translation>
    </message>
    <message>
      <source>Reply letter for slip %1</source>
      <translation>处理单 %1 的答复信函</translation>
    </message>
    <message>
      <source>Reply to slip %1</source>
      <translation>处理单 %1 的回复</translation>
    </message>
    <message>
      <source>Slipdesk kept these forms as you left them, %1 — the desk closed, crashed or was locked before they were saved. Restore them to finish and save the slips.</source>
      <translation>%1，Slipdesk 已按您离开时的样子保留了这些表单——前台在保存之前被关闭、意外退出或已锁定。请恢复表单，填写完毕后保存处理单。</translation>
    </message>
    <message>
      <source>The unsaved form will be deleted for good. Nothing of it was saved as a slip.</source>
      <translation>将永久删除这份未保存的表单，其内容未保存为处理单。</translation>
    </message>
    <message>
      <source>Unsaved forms</source>
      <translation>未保存的表单</translation>
    </message>
    <message>
      <source>You have unsaved forms</source>
      <translation>您有未保存的表单</translation>
    </message>
  </context>
  <context>
    <name>DueWatcher</name>
    <message>
      <source>%1 promised replies need you: %2 overdue, %3 due today.</source>
      <translation>有 %1 项约定的回复需要您处理：%2 项已逾期，%3 项今日到期。</translation>
    </message>
    <message>
      <source>Reply deadlines (约定回复时限)</source>
      <translation>约定回复时限</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>%1 chosen slip</source>
      <translation>选定的 %1 张处理单</translation>
    </message>
    <message>
      <source>%1 chosen slips</source>
      <translation>选定的 %1 张处理单</translation>
    </message>
    <message>
      <source>%1 slip written to %2.</source>
      <translation>已将 %1 张处理单写入 %2。</translation>
    </message>
    <message>
      <source>%1 slip.</source>
      <translation>共 %1 张处理单。</translation>
    </message>
    <message>
      <source>%1 slips written to %2.</source>
      <translation>已将 %1 张处理单写入 %2。</translation>
    </message>
    <message>
      <source>%1 slips.</source>
      <translation>共 %1 张处理单。</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>选择(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>导出(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open the file</source>
      <translation>打开文件(&amp;O)</translation>
    </message>
    <message>
      <source>CSV text, UTF-8 (.csv)</source>
      <translation>CSV 文本，UTF-8（.csv）</translation>
    </message>
    <message>
      <source>Choose a file in a folder that exists.</source>
      <translation>请在已存在的文件夹中选择文件。</translation>
    </message>
    <message>
      <source>Choose where to save the file</source>
      <translation>选择文件的保存位置</translation>
    </message>
    <message>
      <source>Counting the slips…</source>
      <translation>正在统计处理单…</translation>
    </message>
    <message>
      <source>Excel workbook (.xlsx)</source>
      <translation>Excel 工作簿（.xlsx）</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
      <source>Export slips</source>
      <translation>导出处理单</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>正在导出…</translation>
    </message>
    <message>
      <source>F&amp;ormat</source>
      <translation>格式(&amp;O)</translation>
    </message>
    <message>
      <source>File to write</source>
      <translation>要写入的文件</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>Include &amp;phones and addresses (manager)</source>
      <translation>包括电话和地址（经理）(&amp;P)</translation>
    </message>
    <message>
      <source>Include phones and addresses</source>
      <translation>包括电话和地址</translation>
    </message>
    <message>
      <source>Personal data: only a manager exports it, and every such export is recorded in the audit log.</source>
      <translation>个人信息：只有经理可以导出，每次导出都会记入审计日志。</translation>
    </message>
    <message>
      <source>The slips the list shows now, with its filters (%1).</source>
      <translation>列表当前显示的处理单，按现有筛选条件（%1）。</translation>
    </message>
    <message>
      <source>Write the file (Enter, Ctrl+Return)</source>
      <translation>写入文件（Enter、Ctrl+Return）</translation>
    </message>
    <message>
      <source>Writing %1 slip to %2…</source>
      <translation>正在将 %1 张处理单写入 %2……</translation>
    </message>
    <message>
      <source>Writing %1 slips to %2…</source>
      <translation>正在将 %1 张处理单写入 %2……</translation>
    </message>
    <message>
      <source>authority</source>
      <translation>处理权限</translation>
    </message>
    <message>
      <source>building</source>
      <translation>楼栋</translation>
    </message>
    <message>
      <source>category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>channel</source>
      <translation>投诉方式</translation>
    </message>
    <message>
      <source>department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>none: every slip</source>
      <translation>无：全部处理单</translation>
    </message>
    <message>
      <source>overdue only</source>
      <translation>仅已逾期</translation>
    </message>
    <message>
      <source>received %1 – %2</source>
      <translation>受理时间 %1 – %2</translation>
    </message>
    <message>
      <source>search “%1”</source>
      <translation>搜索“%1”</translation>
    </message>
    <message>
      <source>status</source>
      <translation>状态</translation>
    </message>
  </context>
  <context>
    <name>FirstRun</name>
    <message>
      <source>&amp;Later</source>
      <translation>以后再说(&amp;L)</translation>
    </message>
    <message>
      <source>Before the first letter goes out: give the name the estate's letters are signed with, its address, the service-supervision phone (服务监督电话) every reply letter cites, and the company whose seal (公章) they carry. Every letter, slip form and envelope prints them.</source>
      <translation>在寄出第一封信之前，请填写本物业信函落款的名称、地址、每封回复信函都要引用的服务监督电话，以及信函所盖公章的公司名称。所有信函、处理单和信封都会打印这些内容。</translation>
    </message>
    <message>
      <source>No letterhead yet</source>
      <translation>尚未设置信头</translation>
    </message>
    <message>
      <source>Nothing can be printed before the estate's letterhead (name, address, service-supervision phone) is given. Ask a manager to give it under Authority and lists (F9) › Letterhead and printing.</source>
      <translation>设置本物业的信头（名称、地址、服务监督电话）之前不能打印。请经理在“权限与设置（F9）› 信头与打印”中填写。</translation>
    </message>
    <message>
      <source>Nothing prints until the letterhead is given.</source>
      <translation>设置信头之前不能打印。</translation>
    </message>
    <message>
      <source>The estate's letterhead</source>
      <translation>本物业的信头</translation>
    </message>
  </context>
  <context>
    <name>HelpWindow</name>
    <message>
      <source>After every reply, record truthfully on the slip what was said and the customer's opinion. Not satisfied? Listen, explain, apologise; the slip goes on.</source>
      <translation>每次回复客户后，都要将回复内容和客户意见如实填写在处理单中。客户不满意？耐心倾听，认真解释，诚恳道歉；处理单继续处理。</translation>
    </message>
    <message>
      <source>After the customer has the letter, thank them again by phone or e-mail; record handling and reply on the slip.</source>
      <translation>客户收到信函后，再以电话或邮件等方式向客户表达感谢；在处理单上记录处理和回复情况。</translation>
    </message>
    <message>
      <source>Answer at once if you can. If not: calm the customer, agree a reply deadline (约定回复时限), fill in the slip and ask the person in charge to handle it; when handled, reply and complete the slip.</source>
      <translation>能答复的立即答复。当场不能答复的：安抚客户情绪，和客户约定回复时限，认真填写处理单，请示负责人处理；处理完毕后将处理情况回复客户，并将处理单填写完整。</translation>
    </message>
    <message>
      <source>Beyond authority: after the person in charge confirms, the slip and the letter go up; the letter is copied and kept on file (复印，留存备查).</source>
      <translation>超出处理权限的：经负责人确认后，将处理单和投诉信函报上级服务管理部门处理；投诉信函应复印，留存备查。</translation>
    </message>
    <message>
      <source>Beyond authority: after the person in charge confirms, the slip goes up.</source>
      <translation>超出处理权限的：经负责人确认后，将处理单报上级服务管理部门处理。</translation>
    </message>
    <message>
      <source>Beyond the handling authority (处理权限)? Once the person in charge confirms, the slip goes to the upper service-management department.</source>
      <translation>超出处理权限？经负责人确认后，将处理单报上级服务管理部门处理。</translation>
    </message>
    <message>
      <source>Check the comment book every day (每日查阅).</source>
      <translation>每日查阅意见簿。</translation>
    </message>
    <message>
      <source>Comment book (意见簿)</source>
      <translation>意见簿</translation>
    </message>
    <message>
      <source>Every complaint that cannot be answered on the spot is written on a handling slip (处理单). The rules below are the estate's own; the quotes are from %1.</source>
      <translation>当场不能答复的投诉，都要填写处理单。以下是本物业的规定，引文出自%1。</translation>
    </message>
    <message>
      <source>Fax and letter replies are confirmed by the person in charge. Nobody promises or decides beyond their authority.</source>
      <translation>传真、信函回复须经负责人确认。不能做超出处理权限之外的决定及承诺。</translation>
    </message>
    <message>
      <source>Feelings first, then the matter: calm the customer, and if needed move them somewhere that does not disturb other customers.</source>
      <translation>先处理情感，后处理事件：先安抚客户情绪，必要时请客户到不影响其他客户的地方。</translation>
    </message>
    <message>
      <source>Guide</source>
      <translation>指南</translation>
    </message>
    <message>
      <source>Home visits: time and place agreed beforehand, two staff members with valid work IDs.</source>
      <translation>上门回复：事先和客户约定时间、地点，由两名工作人员持有效工作证件进行。</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Letter (信函投诉)</source>
      <translation>信函投诉</translation>
    </message>
    <message>
      <source>Not answerable on the call: record the caller and the complaint on a slip and agree a reply deadline; after investigating, reply and complete the slip.</source>
      <translation>当场不能答复的：在处理单上记录客户信息和投诉内容，并和客户约定回复时限；调查处理后回复客户，并将处理单填写完整。</translation>
    </message>
    <message>
      <source>On-site, spoken (现场口头投诉)</source>
      <translation>现场口头投诉</translation>
    </message>
    <message>
      <source>Phone (电话投诉)</source>
      <translation>电话投诉</translation>
    </message>
    <message>
      <source>Phone replies within working hours, never at night unless urgent or agreed beforehand; from the published service line or the office phone; say who you are first.</source>
      <translation>电话回复应在工作时间进行，除紧急情况或经客户事先许可外不在夜间回复；使用对外公布的服务监督电话或办公电话；回复时首先讲明身份。</translation>
    </message>
    <message>
      <source>Reply the way the customer finds convenient; as a rule by letter (对等回复): correct salutation, proper format, clear and objective. A letter reply is confirmed by the person in charge before it goes out.</source>
      <translation>宜采用客户方便的方式回复，原则上以信函对等回复：称呼准确、格式规范、字迹清晰、叙述客观。信函回复发出前须经负责人确认。</translation>
    </message>
    <message>
      <source>Replying to the customer (客户投诉回复)</source>
      <translation>客户投诉回复</translation>
    </message>
    <message>
      <source>Slipdesk guide</source>
      <translation>Slipdesk 使用指南</translation>
    </message>
    <message>
      <source>The book is the estate's public face: every entry is answered, promptly. A customer whose suggestion helped a lot may be thanked with a small gift visit.</source>
      <translation>意见簿是物业形象的窗口：每一条意见都要认真对待、及时回复。提出的建议帮助很大的客户，可携带小礼品上门感谢。</translation>
    </message>
    <message>
      <source>The customer took it seriously; so must we. Record the letter's content on a slip and investigate quickly.</source>
      <translation>客户写信投诉，说明对此很重视，我们更不能掉以轻心。将信函内容记录在处理单中，并迅速调查落实。</translation>
    </message>
    <message>
      <source>The first clerk listens, records and reads the complaint back; answers at once if possible, else transfers the call to the person in charge, who tries to answer on the spot.</source>
      <translation>首位受理的员工认真倾听、记录，并向客户复述一遍；能答复的立即答复，无法答复的立即转交负责人，尽量当场给予答复。</translation>
    </message>
    <message>
      <source>The first clerk listens, records the complaint in the customer's words and reads it back (复述).</source>
      <translation>首位受理的员工认真倾听，按客户原话记录投诉内容，并向客户复述一遍。</translation>
    </message>
    <message>
      <source>The four ways a complaint comes in</source>
      <translation>四种投诉方式</translation>
    </message>
    <message>
      <source>Whatever happened, thank the caller at the end of the call (感谢来电).</source>
      <translation>不管何种原因，都应在电话结束之际向客户表达谢意（感谢来电）。</translation>
    </message>
    <message>
      <source>When handled, write the handling opinion back into the book and sign it (签字确认); if the customer left contact details, reply to them as a rule.</source>
      <translation>处理完毕后，在意见簿上回复处理意见并签字确认；客户留有联系方式的，原则上应回复客户。</translation>
    </message>
    <message>
      <source>Within your authority: notify the responsible person or department. Beyond it: after the person in charge confirms, fill in a slip and send it up.</source>
      <translation>属于处理权限内的：及时通知责任人或责任部门处理。超出处理权限的：经负责人确认后，填写处理单报上级服务管理部门处理。</translation>
    </message>
    <message>
      <source>new slip: %1</source>
      <translation>新建处理单：%1</translation>
    </message>
  </context>
  <context>
    <name>HolidayCalendar</name>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>休</source>
      <translation>休</translation>
    </message>
    <message>
      <source>休: public holiday, the desk is closed · 班: a weekend day worked (调休)</source>
      <translation>休：法定节假日，服务中心不上班 · 班：调休上班的周末</translation>
    </message>
    <message>
      <source>班</source>
      <translation>班</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>%1 in %2. Nothing will be imported until the file is corrected (or the mapping changed) and checked again.</source>
      <translation>%2中有 %1。文件更正（或列的对应关系更改）并重新检查之前，不会导入任何数据。</translation>
    </message>
    <message>
      <source>%1 problem</source>
      <translation>%1 处问题</translation>
    </message>
    <message>
      <source>%1 problems</source>
      <translation>%1 处问题</translation>
    </message>
    <message>
      <source>%1 resident</source>
      <translation>%1 位住户</translation>
    </message>
    <message>
      <source>%1 residents</source>
      <translation>%1 位住户</translation>
    </message>
    <message>
      <source>%1 row</source>
      <translation>%1 行</translation>
    </message>
    <message>
      <source>%1 row checked, no problem found. Import it with Import (Ctrl+Return).</source>
      <translation>已检查 %1 行，没有发现问题。按“导入”（Ctrl+Return）导入。</translation>
    </message>
    <message>
      <source>%1 rows</source>
      <translation>%1 行</translation>
    </message>
    <message>
      <source>%1 rows checked, no problem found. Import them with Import (Ctrl+Return).</source>
      <translation>已检查 %1 行，没有发现问题。按“导入”（Ctrl+Return）导入。</translation>
    </message>
    <message>
      <source>%1 unit</source>
      <translation>%1 处房屋</translation>
    </message>
    <message>
      <source>%1 units</source>
      <translation>%1 处房屋</translation>
    </message>
    <message>
      <source>&amp;Choose file…</source>
      <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>导入(&amp;I)</translation>
    </message>
    <message>
      <source>&amp;Open a file…</source>
      <translation>打开文件(&amp;O)…</translation>
    </message>
    <message>
      <source>&amp;Read</source>
      <translation>读取(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save this year…</source>
      <translation>保存本年(&amp;S)…</translation>
    </message>
    <message>
      <source>(not in the file)</source>
      <translation>（文件中没有）</translation>
    </message>
    <message>
      <source>Building (楼栋)</source>
      <translation>楼栋</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检查</translation>
    </message>
    <message>
      <source>Checking %1 rows…</source>
      <translation>正在检查 %1 行……</translation>
    </message>
    <message>
      <source>Checking %1 row…</source>
      <translation>正在检查 %1 行……</translation>
    </message>
    <message>
      <source>Checking the file</source>
      <translation>正在检查文件</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>Choose the .xlsx or .csv file (%1)</source>
      <translation>选择 .xlsx 或 .csv 文件（%1）</translation>
    </message>
    <message>
      <source>Column</source>
      <translation>列</translation>
    </message>
    <message>
      <source>Cop&amp;y report</source>
      <translation>复制报告(&amp;Y)</translation>
    </message>
    <message>
      <source>Copy the whole report, to paste into a spreadsheet or an e-mail</source>
      <translation>复制整份报告，可粘贴到电子表格或邮件中</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>Either one unit column (3-2-1201, 3栋2单元1201) or building, entrance and room.</source>
      <translation>可以是一个房号列（3-2-1201、3栋2单元1201），也可以是楼栋、单元、室三列。</translation>
    </message>
    <message>
      <source>Entrance (单元)</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>Import a year's holidays</source>
      <translation>导入一年的节假日安排</translation>
    </message>
    <message>
      <source>Import every row (Ctrl+Return); possible only when the check found no problem</source>
      <translation>导入全部行（Ctrl+Return）；只有检查未发现问题时才能导入</translation>
    </message>
    <message>
      <source>Import residents</source>
      <translation>导入住户</translation>
    </message>
    <message>
      <source>Import units and residents from an Excel workbook (.xlsx) or a CSV file. Say which column holds what, correct what the report lists, then import: a file with a problem imports nothing.</source>
      <translation>从 Excel 工作簿（.xlsx）或 CSV 文件导入房号和住户。先指定各列的内容，按报告更正所列问题，然后导入：文件中只要有问题，就不会导入任何数据。</translation>
    </message>
    <message>
      <source>Imported from %1: %2 created, %3 added, %4 updated.</source>
      <translation>已从 %1 导入：新建 %2，新增 %3，更新 %4。</translation>
    </message>
    <message>
      <source>Importing %1 rows…</source>
      <translation>正在导入 %1 行……</translation>
    </message>
    <message>
      <source>Importing %1 row…</source>
      <translation>正在导入 %1 行……</translation>
    </message>
    <message>
      <source>Importing residents</source>
      <translation>正在导入住户</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>正在导入…</translation>
    </message>
    <message>
      <source>Name (姓名)</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>No file chosen.</source>
      <translation>尚未选择文件。</translation>
    </message>
    <message>
      <source>Nothing imported: choose a file and correct every problem the check lists first.</source>
      <translation>未导入任何数据：请先选择文件，并更正检查列出的所有问题。</translation>
    </message>
    <message>
      <source>Paste the State Council's notice as published (国务院办公厅关于…年部分节假日安排的通知: 一、元旦：…放假…。…上班。), or open it as a .txt file, an .ics calendar or a .csv table (date, kind, name). Nothing is saved until you confirm.</source>
      <translation>粘贴国务院办公厅发布的通知原文（国务院办公厅关于…年部分节假日安排的通知：一、元旦：…放假…。…上班。），或打开 .txt 文本、.ics 日历或 .csv 表格（日期、类型、名称）。确认之前不会保存任何内容。</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Problems (nothing can be saved until each is put right):</source>
      <translation>问题（全部改正之前无法保存）：</translation>
    </message>
    <message>
      <source>Problems found, row by row</source>
      <translation>逐行列出的问题</translation>
    </message>
    <message>
      <source>Read without a problem. Check the days above against the notice, then save.</source>
      <translation>读取无误。请对照通知核对以上日期，然后保存。</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>正在读取 %1…</translation>
    </message>
    <message>
      <source>Reading the file</source>
      <translation>正在读取文件</translation>
    </message>
    <message>
      <source>Room (室)</source>
      <translation>室</translation>
    </message>
    <message>
      <source>Row</source>
      <translation>行</translation>
    </message>
    <message>
      <source>Sa&amp;ve report…</source>
      <translation>保存报告(&amp;V)…</translation>
    </message>
    <message>
      <source>Save the report as a CSV file</source>
      <translation>将报告保存为 CSV 文件</translation>
    </message>
    <message>
      <source>Second phone</source>
      <translation>备用电话</translation>
    </message>
    <message>
      <source>Stopped. Nothing was imported.</source>
      <translation>已停止，未导入任何数据。</translation>
    </message>
    <message>
      <source>The file (first %1 rows)</source>
      <translation>文件内容（前 %1 行）</translation>
    </message>
    <message>
      <source>The file has no rows to import.</source>
      <translation>文件中没有可导入的行。</translation>
    </message>
    <message>
      <source>The first rows of the file</source>
      <translation>文件的前几行</translation>
    </message>
    <message>
      <source>The notice's text</source>
      <translation>通知原文</translation>
    </message>
    <message>
      <source>The report could not be saved: %1</source>
      <translation>无法保存报告：%1</translation>
    </message>
    <message>
      <source>The report is on the clipboard.</source>
      <translation>报告已复制到剪贴板。</translation>
    </message>
    <message>
      <source>Title (先生/女士)</source>
      <translation>称呼（先生/女士）</translation>
    </message>
    <message>
      <source>Unit (3-2-1201)</source>
      <translation>房号（3-2-1201）</translation>
    </message>
    <message>
      <source>What was understood</source>
      <translation>读取结果</translation>
    </message>
    <message>
      <source>Which column is which</source>
      <translation>各列对应的内容</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>年份</translation>
    </message>
    <message>
      <source>Year:</source>
      <translation>年份：</translation>
    </message>
    <message>
      <source>the year it names</source>
      <translation>按文中年份</translation>
    </message>
  </context>
  <context>
    <name>IncomingHandover</name>
    <message>
      <source>&amp;I have read it</source>
      <translation>我已阅读(&amp;I)</translation>
    </message>
    <message>
      <source>(no note: only the promises below)</source>
      <translation>（无交接记录：只有下列约定事项）</translation>
    </message>
    <message>
      <source>Database anchor at the handover: %1 — note it in the shift book; a database rewound or rewritten later no longer matches it.</source>
      <translation>交接班时的数据库锚点：%1 —— 请记入交接班簿；此后若数据库被回退或改写，将与之不符。</translation>
    </message>
    <message>
      <source>Handed over by %1 at %2</source>
      <translation>%1 于 %2 交班</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>交接班记录</translation>
    </message>
    <message>
      <source>Promises due before %1 (%2), overdue first:</source>
      <translation>%1（%2）之前到期的约定事项，已逾期的排在前面：</translation>
    </message>
    <message>
      <source>Promises due in your shift</source>
      <translation>本班次内到期的约定事项</translation>
    </message>
    <message>
      <source>Shift handover (交接班)</source>
      <translation>交接班</translation>
    </message>
  </context>
  <context>
    <name>IntakeWindow</name>
    <message>
      <source>&amp;Save slip</source>
      <translation>保存处理单(&amp;S)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Comment-book entry (意见簿)</source>
      <translation>意见簿留言</translation>
    </message>
    <message>
      <source>Discard this complaint?</source>
      <translation>放弃这条投诉？</translation>
    </message>
    <message>
      <source>Letter complaint (信函投诉)</source>
      <translation>信函投诉</translation>
    </message>
    <message>
      <source>Not saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>On-site complaint (现场口头投诉)</source>
      <translation>现场口头投诉</translation>
    </message>
    <message>
      <source>Phone complaint (电话投诉)</source>
      <translation>电话投诉</translation>
    </message>
    <message>
      <source>Received by %1</source>
      <translation>受理人：%1</translation>
    </message>
    <message>
      <source>Save (Enter, Ctrl+S)</source>
      <translation>保存（Enter、Ctrl+S）</translation>
    </message>
    <message>
      <source>The complaint has not been saved. Close the form and lose what was typed?</source>
      <translation>这条投诉还没有保存。要关闭表单并放弃已输入的内容吗？</translation>
    </message>
  </context>
  <context>
    <name>LanguageMenu</name>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>Follow the &amp;system</source>
      <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Slipdesk shows the language you chose from its next start.</source>
      <translation>Slipdesk 下次启动时将使用您选择的语言。</translation>
    </message>
  </context>
  <context>
    <name>LetterheadTab</name>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>A PNG or JPEG image of at most 2 MB; it is kept in the database.</source>
      <translation>PNG 或 JPEG 图片，不超过 2 MB；图片保存在数据库中。</translation>
    </message>
    <message>
      <source>A TrueType Chinese font (.ttf, or .ttc with #index for one face) that every desk can reach at this path; it is embedded in each PDF.</source>
      <translation>TrueType 中文字体（.ttf；.ttc 可加 #序号 指定其中一种字体），每台前台电脑都须能按此路径找到；字体会嵌入每份 PDF。</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>B&amp;rowse…</source>
      <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
      <source>Company on the seal (公章)</source>
      <translation>公章名称</translation>
    </message>
    <message>
      <source>Empty: a Chinese font installed on this PC</source>
      <translation>留空：使用本机已安装的中文字体</translation>
    </message>
    <message>
      <source>Font file</source>
      <translation>字体文件</translation>
    </message>
    <message>
      <source>Letterhead</source>
      <translation>信头</translation>
    </message>
    <message>
      <source>Letters, slips and reviews go out in this language unless the person printing chooses another.</source>
      <translation>信函、处理单和总结检讨默认以此语言打印，打印时也可另选。</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>标志</translation>
    </message>
    <message>
      <source>No logo: the letterhead prints the name alone.</source>
      <translation>未设标志：信头只打印名称。</translation>
    </message>
    <message>
      <source>Not saved: see the messages above.</source>
      <translation>未保存：请查看上方的提示。</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>邮政编码</translation>
    </message>
    <message>
      <source>Pre&amp;view a letter</source>
      <translation>预览信函(&amp;V)</translation>
    </message>
    <message>
      <source>Printed at the head of every letter and form, and as the sender on envelopes.</source>
      <translation>打印在每封信函和每张表单的抬头，并作为信封上的寄件人。</translation>
    </message>
    <message>
      <source>Printed in</source>
      <translation>打印语言</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Renovation noise from the flat upstairs goes on after 10 pm.</source>
      <translation>楼上装修噪音到晚上十点以后还在继续。</translation>
    </message>
    <message>
      <source>SAMPLE</source>
      <translation>样张</translation>
    </message>
    <message>
      <source>Saved. Letters, forms and envelopes print with it from now on.</source>
      <translation>已保存。今后的信函、表单和信封均按此打印。</translation>
    </message>
    <message>
      <source>Service centre</source>
      <translation>服务中心名称</translation>
    </message>
    <message>
      <source>Service centre phone</source>
      <translation>服务中心电话</translation>
    </message>
    <message>
      <source>Service-supervision phone</source>
      <translation>服务监督电话</translation>
    </message>
    <message>
      <source>The file could not be read: %1</source>
      <translation>无法读取该文件：%1</translation>
    </message>
    <message>
      <source>The sample letter could not be laid out; the details are in the log file.</source>
      <translation>无法生成样信，详情见日志文件。</translation>
    </message>
    <message>
      <source>We spoke to the owner upstairs, who agreed to stop noisy work at 6 pm; our patrol checks each evening this week.</source>
      <translation>我中心已与楼上业主沟通，业主同意每天18时后停止产生噪音的施工；本周每晚由巡逻人员检查落实。</translation>
    </message>
    <message>
      <source>noise</source>
      <translation>噪音扰民</translation>
    </message>
    <message>
      <source>服务监督电话: every reply letter invites the customer to call it.</source>
      <translation>每封回复信函都请客户拨打服务监督电话反映意见。</translation>
    </message>
  </context>
  <context>
    <name>LimitsTab</name>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source>A second complaint of one unit or caller is a repeat within</source>
      <translation>同一房号或同一来电号码再次投诉，视为重复投诉的期限</translation>
    </message>
    <message>
      <source>Days within which a second complaint is a repeat</source>
      <translation>再次投诉视为重复投诉的天数</translation>
    </message>
    <message>
      <source>Days without a progress update before a slip is flagged</source>
      <translation>未告知进展多少天后提醒</translation>
    </message>
    <message>
      <source>Flag a slip in handling without a progress update (进展告知) after</source>
      <translation>处理中的投诉单未告知进展，提醒期限</translation>
    </message>
  </context>
  <context>
    <name>LockScreen</name>
    <message>
      <source>&amp;Sign in as someone else</source>
      <translation>换人登录(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>解锁(&amp;U)</translation>
    </message>
    <message>
      <source>Locked at %1 after a while without use. Your open forms are kept exactly as you left them.</source>
      <translation>因一段时间无人操作，已于 %1 锁定。正在填写的表单都按原样保留。</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Slipdesk is locked</source>
      <translation>Slipdesk 已锁定</translation>
    </message>
    <message>
      <source>Your open forms close; they are kept and offered back at your next sign-in.</source>
      <translation>正在填写的表单会关闭，但都会保留，您下次登录时会再次提示。</translation>
    </message>
    <message>
      <source>Your password</source>
      <translation>您的密码</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>&amp;Password</source>
      <translation>密码(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;User name</source>
      <translation>用户名(&amp;U)</translation>
    </message>
    <message>
      <source>A manager reset this password: choose a new one to sign in.</source>
      <translation>经理已重置此密码：请设置新密码后登录。</translation>
    </message>
    <message>
      <source>Create and sign in</source>
      <translation>创建并登录</translation>
    </message>
    <message>
      <source>Demo accounts</source>
      <translation>演示账户</translation>
    </message>
    <message>
      <source>Demo database — every demo account's password is %1. Double-click one to sign in.</source>
      <translation>演示数据库——所有演示账户的密码都是 %1。双击账户即可登录。</translation>
    </message>
    <message>
      <source>Enter your user name.</source>
      <translation>请输入用户名。</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>Repeat password</source>
      <translation>再次输入密码</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Slipdesk — sign in</source>
      <translation>Slipdesk — 登录</translation>
    </message>
    <message>
      <source>The first manager account exists already: sign in.</source>
      <translation>首个经理账户已经存在：请登录。</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Welcome. This database has no accounts yet: create the first manager account. The manager then adds the clerks and persons in charge.</source>
      <translation>欢迎使用。此数据库还没有任何账户：请创建首个经理账户，再由经理添加接待人员和负责人。</translation>
    </message>
    <message>
      <source>Work ID (工号)</source>
      <translation>工号</translation>
    </message>
  </context>
  <context>
    <name>LogoBox</name>
    <message>
      <source>&amp;Choose an image…</source>
      <translation>选择图片(&amp;C)…</translation>
    </message>
    <message>
      <source>Re&amp;move the logo</source>
      <translation>删除标志(&amp;M)</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;About Slipdesk</source>
      <translation>关于 Slipdesk(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Export slips…</source>
      <translation>导出处理单(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Guide to the four channels</source>
      <translation>四种投诉方式处理指南(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Import residents…</source>
      <translation>导入住户(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>大字体(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>&lt;h3&gt;Slipdesk %1&lt;/h3&gt;&lt;p&gt;Handling slips (处理单) for the service desk of a residential estate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Database:&lt;/b&gt; %2&lt;br&gt;&lt;b&gt;Log file:&lt;/b&gt; %3&lt;/p&gt;</source>
      <translation>&lt;h3&gt;Slipdesk %1&lt;/h3&gt;&lt;p&gt;住宅小区物业服务中心前台的投诉处理单系统。&lt;/p&gt;&lt;p&gt;&lt;b&gt;数据库：&lt;/b&gt;%2&lt;br&gt;&lt;b&gt;日志文件：&lt;/b&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
      <source>About Slipdesk</source>
      <translation>关于 Slipdesk</translation>
    </message>
    <message>
      <source>Change my pass&amp;word…</source>
      <translation>修改我的密码(&amp;W)…</translation>
    </message>
    <message>
      <source>Database: %1</source>
      <translation>数据库：%1</translation>
    </message>
    <message>
      <source>Demo database: %1</source>
      <translation>演示数据库：%1</translation>
    </message>
    <message>
      <source>Export the slip list, with its filters, to XLSX or CSV (Ctrl+E)</source>
      <translation>按当前筛选条件将处理单列表导出为 XLSX 或 CSV（Ctrl+E）</translation>
    </message>
    <message>
      <source>Navigation</source>
      <translation>导航</translation>
    </message>
    <message>
      <source>New &amp;comment-book slip</source>
      <translation>新建意见簿处理单(&amp;C)</translation>
    </message>
    <message>
      <source>New &amp;letter slip</source>
      <translation>新建信函投诉处理单(&amp;L)</translation>
    </message>
    <message>
      <source>New &amp;on-site slip</source>
      <translation>新建现场投诉处理单(&amp;O)</translation>
    </message>
    <message>
      <source>New &amp;phone slip</source>
      <translation>新建电话投诉处理单(&amp;P)</translation>
    </message>
    <message>
      <source>New slip</source>
      <translation>新建处理单</translation>
    </message>
    <message>
      <source>New slip:</source>
      <translation>新建处理单：</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>Other desks' changes: connecting again…</source>
      <translation>其他前台的更新：正在重新连接…</translation>
    </message>
    <message>
      <source>Sign &amp;out</source>
      <translation>退出登录(&amp;O)</translation>
    </message>
    <message>
      <source>The company server cannot be reached. Keep working: what you type is kept on this computer and saved when the server is back. Slipdesk tries again every few seconds.</source>
      <translation>无法连接公司服务器。请继续工作：所填内容已保存在本机，服务器恢复后自动保存。系统每隔几秒自动重试。</translation>
    </message>
    <message>
      <source>The connection that tells this desk what other desks change is being made again; the lists show everything once it is back.</source>
      <translation>正在重新建立接收其他前台更新的连接；连接恢复后，各列表会全部重新显示。</translation>
    </message>
  </context>
  <context>
    <name>MotiveDialog</name>
    <message>
      <source>Confirm</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Customer's motive — %1</source>
      <translation>客户的投诉动机 — %1</translation>
    </message>
    <message>
      <source>The complaint</source>
      <translation>投诉内容</translation>
    </message>
  </context>
  <context>
    <name>MotivePanel</name>
    <message>
      <source>As suggested.</source>
      <translation>与建议一致。</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Customer type</source>
      <translation>客户类型</translation>
    </message>
    <message>
      <source>How to handle it</source>
      <translation>应对方法</translation>
    </message>
    <message>
      <source>How to handle it: the handling card</source>
      <translation>应对方法：应对卡</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>动机种类</translation>
    </message>
    <message>
      <source>Motive kind</source>
      <translation>动机种类</translation>
    </message>
    <message>
      <source>Motive type</source>
      <translation>动机类型</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>需求</translation>
    </message>
    <message>
      <source>No motive suggested yet: the words so far are neutral.</source>
      <translation>暂无动机建议：目前的措辞没有明显倾向。</translation>
    </message>
    <message>
      <source>Suggested from the words — %1</source>
      <translation>根据措辞建议 — %1</translation>
    </message>
    <message>
      <source>The handling card appears here once a motive is known.</source>
      <translation>判断出投诉动机后，这里会显示应对卡。</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Why Slipdesk suggests this</source>
      <translation>系统建议的依据</translation>
    </message>
    <message>
      <source>Why is the customer complaining? (投诉动机)</source>
      <translation>客户为什么投诉？（投诉动机）</translation>
    </message>
    <message>
      <source>You corrected the suggestion; it is counted so the rules can be improved.</source>
      <translation>您更正了建议；系统会记录下来，用于改进规则。</translation>
    </message>
    <message>
      <source>— not known —</source>
      <translation>— 不清楚 —</translation>
    </message>
  </context>
  <context>
    <name>MotiveRules</name>
    <message>
      <source>Customer type</source>
      <translation>客户类型</translation>
    </message>
    <message>
      <source>Handling card</source>
      <translation>应对卡</translation>
    </message>
    <message>
      <source>Motive kind</source>
      <translation>动机种类</translation>
    </message>
    <message>
      <source>Motive type</source>
      <translation>动机类型</translation>
    </message>
    <message>
      <source>Need</source>
      <translation>需求</translation>
    </message>
  </context>
  <context>
    <name>MotiveRulesPage</name>
    <message>
      <source>Motive rules</source>
      <translation>投诉动机规则</translation>
    </message>
    <message>
      <source>Motive rules and words never to say</source>
      <translation>投诉动机规则与服务忌语</translation>
    </message>
    <message>
      <source>Words never to say</source>
      <translation>服务忌语</translation>
    </message>
  </context>
  <context>
    <name>MovedDeadlines</name>
    <message>
      <source>Deadlines to review</source>
      <translation>需复核的时限</translation>
    </message>
    <message>
      <source>The new calendar counts these agreed deadlines differently. Each stays as agreed until the person in charge moves it with the customer (Move the reply deadline…, recorded in the slip's history). Double-click a slip to open it.</source>
      <translation>按新日历，以下约定回复时限的计算有变化。负责人与客户确认并变更之前（“变更回复时限…”，记入处理单历史），约定时限保持不变。双击处理单即可打开。</translation>
    </message>
  </context>
  <context>
    <name>NamedCallPanel</name>
    <message>
      <source>&amp;Call now</source>
      <translation>立即通知(&amp;C)</translation>
    </message>
    <message>
      <source>Asks for a manager by name (指名要找)</source>
      <translation>客户指名要找管理人员</translation>
    </message>
    <message>
      <source>Called %1 at %2: they come to the desk now.</source>
      <translation>已于 %2 通知%1，请其立即到前台。</translation>
    </message>
    <message>
      <source>Choose whom the customer asks for.</source>
      <translation>请选择客户指名要找的人。</translation>
    </message>
    <message>
      <source>Nobody asked for</source>
      <translation>未指名</translation>
    </message>
    <message>
      <source>Nobody called yet.</source>
      <translation>尚未通知。</translation>
    </message>
    <message>
      <source>Notify that person at once: they must come within a minute (该管理人员要保障在一分钟内出现)</source>
      <translation>立即通知此人：该管理人员要保障在一分钟内出现</translation>
    </message>
    <message>
      <source>The manager the customer asks for</source>
      <translation>客户指名要找的管理人员</translation>
    </message>
    <message>
      <source>The person in charge (负责人)</source>
      <translation>负责人（任一位）</translation>
    </message>
  </context>
  <context>
    <name>NamedCallWatcher</name>
    <message>
      <source>I'm &amp;coming</source>
      <translation>我马上到(&amp;C)</translation>
    </message>
    <message>
      <source>Later</source>
      <translation>稍后</translation>
    </message>
    <message>
      <source>Wanted at the desk now (指名要找)</source>
      <translation>客户指名要找您，请立即到前台</translation>
    </message>
  </context>
  <context>
    <name>NoticesPage</name>
    <message>
      <source>&amp;Open slip</source>
      <translation>打开处理单(&amp;O)</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已办</translation>
    </message>
    <message>
      <source>From</source>
      <translation>发出人</translation>
    </message>
    <message>
      <source>Mark &amp;all read</source>
      <translation>全部标为已读(&amp;A)</translation>
    </message>
    <message>
      <source>Mark &amp;read</source>
      <translation>标为已读(&amp;R)</translation>
    </message>
    <message>
      <source>No notices. When a slip is assigned to you or your department, or an escalation is returned, it shows here.</source>
      <translation>暂无通知。处理单派给您或您的部门、上报被退回等情况都会显示在这里。</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>通知内容</translation>
    </message>
    <message>
      <source>Notices (通知)</source>
      <translation>通知</translation>
    </message>
    <message>
      <source>Slip</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>Unread notices are in bold. Enter or a double-click opens the slip and marks the notice read.</source>
      <translation>未读通知以粗体显示。按回车键或双击可打开处理单，并将该通知标为已读。</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Your notices, newest first</source>
      <translation>您的通知（最新的在前）</translation>
    </message>
    <message>
      <source>done</source>
      <translation>已办</translation>
    </message>
    <message>
      <source>unread</source>
      <translation>未读</translation>
    </message>
  </context>
  <context>
    <name>OfficeHoursTab</name>
    <message>
      <source>Comment book checked by</source>
      <translation>意见簿查阅截止时间</translation>
    </message>
    <message>
      <source>Fri</source>
      <translation>周五</translation>
    </message>
    <message>
      <source>Mon</source>
      <translation>周一</translation>
    </message>
    <message>
      <source>Office closes</source>
      <translation>下班时间</translation>
    </message>
    <message>
      <source>Office opens</source>
      <translation>上班时间</translation>
    </message>
    <message>
      <source>Open on (working days of the Chinese calendar)</source>
      <translation>营业日（按中国日历的工作日）</translation>
    </message>
    <message>
      <source>Public holidays and make-up working days (调休) come from the Chinese calendar; reply deadlines count only office hours on working days.</source>
      <translation>法定节假日和调休工作日按中国日历确定；回复时限只计算工作日的办公时间。</translation>
    </message>
    <message>
      <source>Sat</source>
      <translation>周六</translation>
    </message>
    <message>
      <source>Sun</source>
      <translation>周日</translation>
    </message>
    <message>
      <source>Thu</source>
      <translation>周四</translation>
    </message>
    <message>
      <source>Tue</source>
      <translation>周二</translation>
    </message>
    <message>
      <source>Wed</source>
      <translation>周三</translation>
    </message>
  </context>
  <context>
    <name>PhraseCheck</name>
    <message>
      <source>%1 better said another way (建议改说)</source>
      <translation>%1 处建议改说</translation>
    </message>
    <message>
      <source>%1 sentence never to say (严禁)</source>
      <translation>%1 处严禁使用的服务忌语</translation>
    </message>
    <message>
      <source>%1 sentences never to say (严禁)</source>
      <translation>%1 处严禁使用的服务忌语</translation>
    </message>
    <message>
      <source>%1:</source>
      <translation>%1：</translation>
    </message>
    <message>
      <source>%1; %2:</source>
      <translation>%1；%2：</translation>
    </message>
    <message>
      <source>Better said another way: “%1” (建议改说). Instead: %2</source>
      <translation>建议改说：“%1”。可以这样说：%2</translation>
    </message>
    <message>
      <source>Never say “%1” (严禁使用). Instead: %2</source>
      <translation>严禁使用：“%1”。应改说：%2</translation>
    </message>
    <message>
      <source>No words never to say.</source>
      <translation>没有服务忌语。</translation>
    </message>
    <message>
      <source>Words never to say in this text</source>
      <translation>本文中的服务忌语</translation>
    </message>
  </context>
  <context>
    <name>PrintActions</name>
    <message>
      <source>Print</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>Print comment-book reply strip…</source>
      <translation>打印意见簿回复条…</translation>
    </message>
    <message>
      <source>Print envelope ({size})…</source>
      <translation>打印信封（{size}）…</translation>
    </message>
    <message>
      <source>Print escalation transmittal…</source>
      <translation>打印上报报送单…</translation>
    </message>
    <message>
      <source>Print handling slip…</source>
      <translation>打印处理单…</translation>
    </message>
    <message>
      <source>Print handwriting sheet…</source>
      <translation>打印手写回复信笺…</translation>
    </message>
    <message>
      <source>Print receipt…</source>
      <translation>打印受理回执…</translation>
    </message>
    <message>
      <source>Print reply letter (English)…</source>
      <translation>打印答复信函（英文）…</translation>
    </message>
    <message>
      <source>Print reply letter…</source>
      <translation>打印答复信函…</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>Batch print</source>
      <translation>批量打印</translation>
    </message>
    <message>
      <source>Batch printing failed; nothing was logged. The details are in the log file.</source>
      <translation>批量打印失败，未作任何打印登记。详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>Cannot print</source>
      <translation>无法打印</translation>
    </message>
    <message>
      <source>Laying out %1 slips…</source>
      <translation>正在排版 %1 张处理单……</translation>
    </message>
    <message>
      <source>Laying out %1 slip…</source>
      <translation>正在排版 %1 张处理单……</translation>
    </message>
    <message>
      <source>Logging the prints on the slips…</source>
      <translation>正在处理单上登记打印记录…</translation>
    </message>
    <message>
      <source>Print preview</source>
      <translation>打印预览</translation>
    </message>
    <message>
      <source>Print preview — {title}</source>
      <translation>打印预览 — {title}</translation>
    </message>
    <message>
      <source>Printing %1 slips…</source>
      <translation>正在打印 %1 张处理单……</translation>
    </message>
    <message>
      <source>Printing %1 slip…</source>
      <translation>正在打印 %1 张处理单……</translation>
    </message>
    <message>
      <source>Printing failed</source>
      <translation>打印失败</translation>
    </message>
    <message>
      <source>Save as &amp;PDF…</source>
      <translation>另存为 PDF(&amp;P)…</translation>
    </message>
    <message>
      <source>Saving the PDF failed</source>
      <translation>PDF 保存失败</translation>
    </message>
    <message>
      <source>Sending %1 page to the printer…</source>
      <translation>正在将 %1 页发送到打印机……</translation>
    </message>
    <message>
      <source>Sending %1 pages to the printer…</source>
      <translation>正在将 %1 页发送到打印机……</translation>
    </message>
    <message>
      <source>Something went wrong; the details are in the log file.</source>
      <translation>出现问题；详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>The printer could not be started.</source>
      <translation>无法启动打印机。</translation>
    </message>
    <message>
      <source>The printout could not be read back for printing.</source>
      <translation>无法读取打印文件以供打印。</translation>
    </message>
    <message>
      <source>The slip no longer exists.</source>
      <translation>该处理单已不存在。</translation>
    </message>
    <message>
      <source>This letter prints as a DRAFT: the person in charge has not approved its text.</source>
      <translation>此信函将以“草稿”打印：负责人尚未批准其正文。</translation>
    </message>
  </context>
  <context>
    <name>ProgressDialog</name>
    <message>
      <source>&amp;How</source>
      <translation>告知方式(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>告知时间(&amp;W)</translation>
    </message>
    <message>
      <source>How far the handling has come and what happens next, as told to the customer</source>
      <translation>向客户说明的处理进度和下一步安排</translation>
    </message>
    <message>
      <source>Keep the customer told of the progress (及时告诉客户进展情况): %1, %2.</source>
      <translation>及时告诉客户进展情况：%1，%2。</translation>
    </message>
    <message>
      <source>Progress told — %1</source>
      <translation>进展告知 — %1</translation>
    </message>
    <message>
      <source>What was &amp;told</source>
      <translation>告知内容(&amp;T)</translation>
    </message>
  </context>
  <context>
    <name>QFileDialog</name>
    <message>
      <source>&amp;Look in:</source>
      <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
      <source>Files of &amp;type:</source>
      <translation>文件类型(&amp;T)：</translation>
    </message>
  </context>
  <context>
    <name>ReplyActions</name>
    <message>
      <source>Approve letter…</source>
      <translation>批准信函…</translation>
    </message>
    <message>
      <source>Draft letter reply…</source>
      <translation>起草答复信函…</translation>
    </message>
    <message>
      <source>Edit letter reply…</source>
      <translation>修改答复信函…</translation>
    </message>
    <message>
      <source>Letter sent</source>
      <translation>信函已寄出</translation>
    </message>
    <message>
      <source>Letter sent…</source>
      <translation>信函已寄出…</translation>
    </message>
    <message>
      <source>Open slip</source>
      <translation>打开处理单</translation>
    </message>
    <message>
      <source>Print final letter…</source>
      <translation>打印正式信函…</translation>
    </message>
    <message>
      <source>Read and &amp;approve…</source>
      <translation>阅读并批准(&amp;A)…</translation>
    </message>
    <message>
      <source>Record a reply…</source>
      <translation>登记回复…</translation>
    </message>
    <message>
      <source>Record the customer's opinion…</source>
      <translation>登记客户意见…</translation>
    </message>
    <message>
      <source>Reply letters awaiting approval</source>
      <translation>待审批的答复信函</translation>
    </message>
    <message>
      <source>Reply letters awaiting your approval (待审批的回复信函)</source>
      <translation>待您审批的答复信函</translation>
    </message>
    <message>
      <source>Thanks after the letter (再次致谢)…</source>
      <translation>再次致谢…</translation>
    </message>
    <message>
      <source>draft %1 by %2, submitted %3</source>
      <translation>第 %1 稿，%2 起草，%3 提交</translation>
    </message>
  </context>
  <context>
    <name>ReplyDialogs</name>
    <message>
      <source>&amp;Done</source>
      <translation>完成(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Impossible…</source>
      <translation>无法致谢(&amp;I)…</translation>
    </message>
    <message>
      <source>&amp;Record</source>
      <translation>登记(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Record the reply</source>
      <translation>登记回复(&amp;R)</translation>
    </message>
    <message>
      <source>Approve the reply letter — %1</source>
      <translation>批准答复信函 — %1</translation>
    </message>
    <message>
      <source>Discard what you typed?</source>
      <translation>放弃已输入的内容？</translation>
    </message>
    <message>
      <source>Pre&amp;view as printed…</source>
      <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
      <source>Record a reply — %1</source>
      <translation>登记回复 — %1</translation>
    </message>
    <message>
      <source>Reply letter — %1</source>
      <translation>答复信函 — %1</translation>
    </message>
    <message>
      <source>Thanks after the letter — %1</source>
      <translation>再次致谢 — %1</translation>
    </message>
    <message>
      <source>The customer's opinion — %1</source>
      <translation>客户意见 — %1</translation>
    </message>
    <message>
      <source>The reply has not been recorded. Close and lose what was typed?</source>
      <translation>回复尚未登记。要关闭并放弃已输入的内容吗？</translation>
    </message>
  </context>
  <context>
    <name>ReplyForm</name>
    <message>
      <source>%1 to %2 (%3), draft %4 by %5, submitted %6.</source>
      <translation>致 %2 的%1（%3），第 %4 稿，%5 起草，%6 提交。</translation>
    </message>
    <message>
      <source>&amp;Approve (freezes the text)</source>
      <translation>批准（正文随即锁定）(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Back to handling with the new deadline</source>
      <translation>按新时限重新处理(&amp;B)</translation>
    </message>
    <message>
      <source>&amp;Close (customer accepted)</source>
      <translation>结案（客户认可）(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Close the slip</source>
      <translation>结案(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;End as not accepted</source>
      <translation>按客户仍不认可终结(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;How</source>
      <translation>方式(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Note</source>
      <translation>备注(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Offered</source>
      <translation>已提出的办法(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Opinion</source>
      <translation>客户意见(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Reply by</source>
      <translation>回复方式(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save draft</source>
      <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Send back with the reason</source>
      <translation>说明原因并退回(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Signed in the book by</source>
      <translation>在意见簿上签字的人(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;When</source>
      <translation>时间(&amp;W)</translation>
    </message>
    <message>
      <source>&amp;Why</source>
      <translation>理由(&amp;W)</translation>
    </message>
    <message>
      <source>(changed, not saved)</source>
      <translation>（已修改，未保存）</translation>
    </message>
    <message>
      <source>A call in working hours, like every call to the customer.</source>
      <translation>电话致谢应在工作时间内进行，与所有给客户的电话一样。</translation>
    </message>
    <message>
      <source>A letter is answered by letter as a rule (对等回复): say why this one is answered another way.</source>
      <translation>信函投诉原则上以信函对等回复：请说明为何改用其他方式答复。</translation>
    </message>
    <message>
      <source>Agreed &amp;place</source>
      <translation>约定地点(&amp;P)</translation>
    </message>
    <message>
      <source>Agreed &amp;time</source>
      <translation>约定时间(&amp;T)</translation>
    </message>
    <message>
      <source>Agreed for</source>
      <translation>约定于</translation>
    </message>
    <message>
      <source>Agreed time of the visit</source>
      <translation>约定的上门时间</translation>
    </message>
    <message>
      <source>Approved by %1 on %2 — the text is frozen. Changing it makes a new draft that needs a new approval.</source>
      <translation>已由 %1 于 %2 批准——正文已锁定。如需修改，将生成新的草稿，须重新审批。</translation>
    </message>
    <message>
      <source>Called from</source>
      <translation>使用电话</translation>
    </message>
    <message>
      <source>Draft %1, saved %2 by %3.</source>
      <translation>第 %1 稿，%3 于 %2 保存。</translation>
    </message>
    <message>
      <source>Earlier replies:</source>
      <translation>此前的回复：</translation>
    </message>
    <message>
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>How and when</source>
      <translation>方式和时间</translation>
    </message>
    <message>
      <source>How they told us, e.g. they called the service line</source>
      <translation>客户如何告知，如致电服务监督电话</translation>
    </message>
    <message>
      <source>I have read the flags and the letter may go out as it is</source>
      <translation>我已阅读标注内容，信函可以按原样发出</translation>
    </message>
    <message>
      <source>I said who I am and that I call from the service centre first</source>
      <translation>我已首先讲明身份，说明是物业服务中心来电</translation>
    </message>
    <message>
      <source>In the customer's own words; needed unless they accepted.</source>
      <translation>按客户原话记录；客户认可的可不填。</translation>
    </message>
    <message>
      <source>In working hours (电话回复原则上应选择工作时间进行), from the published service-supervision line or the office phone; say who you are first.</source>
      <translation>电话回复原则上应选择工作时间进行，使用对外公布的服务监督电话或办公电话；回复时应首先向客户讲明身份。</translation>
    </message>
    <message>
      <source>Insert a standard &amp;answer… (口径一致)</source>
      <translation>插入标准答复口径…（口径一致）(&amp;A)</translation>
    </message>
    <message>
      <source>Insert a standard answer… (口径一致)</source>
      <translation>插入标准答复口径…（口径一致）</translation>
    </message>
    <message>
      <source>Language of the letter</source>
      <translation>信函语言</translation>
    </message>
    <message>
      <source>Letter or fax</source>
      <translation>信函或传真</translation>
    </message>
    <message>
      <source>Letter text</source>
      <translation>信函正文</translation>
    </message>
    <message>
      <source>Listen, explain and apologise sincerely; answer within the rules and your authority. Agree a new reply deadline and take the slip back to handling, or reply again.</source>
      <translation>耐心倾听，认真解释，诚恳道歉；根据业务规定和自身权限进行回答。与客户重新约定回复时限后转回处理，或再次回复。</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Needed for a visit outside working hours: it is made at the time agreed.</source>
      <translation>工作时间以外上门时必填：须按约定时间上门。</translation>
    </message>
    <message>
      <source>New &amp;deadline agreed</source>
      <translation>新约定的回复时限(&amp;D)</translation>
    </message>
    <message>
      <source>New reply deadline agreed</source>
      <translation>新约定的回复时限</translation>
    </message>
    <message>
      <source>No letter saved yet. Start from the draft below or insert a standard answer.</source>
      <translation>尚未保存信函。可以从下面的草稿开始，或插入标准答复口径。</translation>
    </message>
    <message>
      <source>No phone number or e-mail is recorded.</source>
      <translation>未登记电话或电子邮箱。</translation>
    </message>
    <message>
      <source>Not accepted: what next?</source>
      <translation>客户不认可：下一步怎么办？</translation>
    </message>
    <message>
      <source>Not yet at its end</source>
      <translation>尚不能结案</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Office phone %1</source>
      <translation>办公电话 %1</translation>
    </message>
    <message>
      <source>Once the customer has the letter, thank them again (再次致谢) by %1; it is on the dashboard until done, and the slip ends after it.</source>
      <translation>客户收到信函后，请在 %1 前再次致谢；完成前会一直显示在“今日”页面，处理单在此之后才能结案。</translation>
    </message>
    <message>
      <source>Only when the answer was given within the rules and your authority and nothing more can be offered. The review counts it apart; it can be reopened.</source>
      <translation>仅在已按业务规定和自身权限作出答复、且已无法再提出其他办法时使用。总结检讨中单独统计，之后仍可重新处理。</translation>
    </message>
    <message>
      <source>Or end it: 答复已按规定作出，客户仍不认可</source>
      <translation>或者终结：答复已按规定作出，客户仍不认可</translation>
    </message>
    <message>
      <source>Outside working hours; allowed because the slip is urgent.</source>
      <translation>非工作时间；因属紧急情况，允许回复。</translation>
    </message>
    <message>
      <source>Outside working hours; allowed: the customer agreed beforehand to calls outside them.</source>
      <translation>非工作时间；客户事先已同意非工作时间来电，允许回复。</translation>
    </message>
    <message>
      <source>Pre&amp;view as printed…</source>
      <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
      <source>Print the reply strip with this text…</source>
      <translation>按此内容打印意见簿回复条…</translation>
    </message>
    <message>
      <source>Reason for sending it back</source>
      <translation>退回原因</translation>
    </message>
    <message>
      <source>Record &amp;another reply</source>
      <translation>再登记一次回复(&amp;A)</translation>
    </message>
    <message>
      <source>Record it truthfully after every reply. Not accepted: listen, explain, apologise; the slip stays open.</source>
      <translation>每次回复后都要如实填写。客户不认可的：耐心倾听，认真解释，诚恳道歉；处理单不结案。</translation>
    </message>
    <message>
      <source>Record it truthfully, as the customer gave it.</source>
      <translation>请按客户所说如实登记。</translation>
    </message>
    <message>
      <source>Record that the customer agreed to calls outside office hours…</source>
      <translation>登记客户同意非工作时间来电…</translation>
    </message>
    <message>
      <source>Replied &amp;by</source>
      <translation>回复人(&amp;B)</translation>
    </message>
    <message>
      <source>Reply recorded: %1, %2.</source>
      <translation>已登记回复：%1，%2。</translation>
    </message>
    <message>
      <source>Sent as</source>
      <translation>发送方式</translation>
    </message>
    <message>
      <source>Sent back by %1: “%2”</source>
      <translation>已由 %1 退回：“%2”</translation>
    </message>
    <message>
      <source>Sent on %1.</source>
      <translation>已于 %1 发出。</translation>
    </message>
    <message>
      <source>Service-supervision line %1</source>
      <translation>服务监督电话 %1</translation>
    </message>
    <message>
      <source>Staff member %1: name</source>
      <translation>工作人员 %1：姓名</translation>
    </message>
    <message>
      <source>Staff member %1: work ID</source>
      <translation>工作人员 %1：工作证号</translation>
    </message>
    <message>
      <source>Staff member 1</source>
      <translation>工作人员 1</translation>
    </message>
    <message>
      <source>Staff member 2</source>
      <translation>工作人员 2</translation>
    </message>
    <message>
      <source>Su&amp;bmit for approval</source>
      <translation>提交审批(&amp;B)</translation>
    </message>
    <message>
      <source>Thanks after the letter (再次致谢)</source>
      <translation>再次致谢</translation>
    </message>
    <message>
      <source>The call</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>The call is recorded and the recording kept</source>
      <translation>通话已录音并保留录音</translation>
    </message>
    <message>
      <source>The comment-book write-back (意见簿回复)</source>
      <translation>意见簿回复</translation>
    </message>
    <message>
      <source>The complaint: “%1”</source>
      <translation>投诉内容：“%1”</translation>
    </message>
    <message>
      <source>The customer accepted the reply: the slip can be closed.</source>
      <translation>客户认可回复：处理单可以结案。</translation>
    </message>
    <message>
      <source>The customer did not accept the reply.</source>
      <translation>客户不认可回复。</translation>
    </message>
    <message>
      <source>The customer's opinion (客户意见)</source>
      <translation>客户意见</translation>
    </message>
    <message>
      <source>The customer's opinion is pending (意见待反馈): record it when they answer — after a letter, usually when you thank them again.</source>
      <translation>客户意见待反馈：客户答复后再登记；信函回复一般在再次致谢时了解。</translation>
    </message>
    <message>
      <source>The home visit (上门)</source>
      <translation>上门回复</translation>
    </message>
    <message>
      <source>The letter as it will go out</source>
      <translation>将要发出的信函</translation>
    </message>
    <message>
      <source>The letter or fax</source>
      <translation>信函或传真</translation>
    </message>
    <message>
      <source>The letter to %1 (%2) was sent on %3. Thank them again now that they have it (客户收到信函后再次表达感谢).</source>
      <translation>给 %1（%2）的信函已于 %3 寄出。客户收到信函后，请再次向客户表达感谢。</translation>
    </message>
    <message>
      <source>The letter's body: the salutation, reference number, closing and letterhead are printed around it.</source>
      <translation>信函正文：称呼、编号、结束语和信头会在打印时自动加上。</translation>
    </message>
    <message>
      <source>The person in charge approves the fax before it goes out (传真回复时须经负责人确认).</source>
      <translation>传真回复时须经负责人确认后才能发出。</translation>
    </message>
    <message>
      <source>The person in charge approves the letter before it goes out (信函回复时须经负责人确认); handwritten is best (以手写为佳). Once the customer has it, thank them again.</source>
      <translation>信函回复时须经负责人确认后才能发出；以手写为佳。客户收到信函后，应再次表达感谢。</translation>
    </message>
    <message>
      <source>The slip ends when its duties are done: %1</source>
      <translation>完成以下事项后处理单才能结案：%1</translation>
    </message>
    <message>
      <source>The strip pasted beside the entry carries what you write back below, never the internal handling notes.</source>
      <translation>贴在留言旁的回复条印的是下面填写的回复内容，绝不印内部处理记录。</translation>
    </message>
    <message>
      <source>The visit's time was agreed</source>
      <translation>已约定上门时间</translation>
    </message>
    <message>
      <source>Their &amp;opinion of the reply</source>
      <translation>对答复的意见(&amp;O)</translation>
    </message>
    <message>
      <source>Their &amp;words</source>
      <translation>客户原话(&amp;W)</translation>
    </message>
    <message>
      <source>Their words</source>
      <translation>客户原话</translation>
    </message>
    <message>
      <source>They said</source>
      <translation>客户说</translation>
    </message>
    <message>
      <source>Time and place agreed with the customer beforehand</source>
      <translation>已事先和客户约定时间、地点</translation>
    </message>
    <message>
      <source>Time and place agreed with the customer beforehand; two staff members go, each with a valid work ID (两名工作人员持有效工作证件).</source>
      <translation>事先和客户约定时间、地点，由两名工作人员持有效工作证件进行。</translation>
    </message>
    <message>
      <source>Waiting for the person in charge since %1. Editing takes it back to a draft.</source>
      <translation>自 %1 起等待负责人审批。修改后将退回为草稿。</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户原话</translation>
    </message>
    <message>
      <source>What the customer said, if anything.</source>
      <translation>客户的话（如有）。</translation>
    </message>
    <message>
      <source>What to change, for the writer (needed to send it back)</source>
      <translation>需修改之处，供起草人参考（退回时必填）</translation>
    </message>
    <message>
      <source>What was offered</source>
      <translation>已提出的办法</translation>
    </message>
    <message>
      <source>What was offered to the customer</source>
      <translation>已向客户提出的解决办法</translation>
    </message>
    <message>
      <source>What was said or sent</source>
      <translation>回复或寄送的内容</translation>
    </message>
    <message>
      <source>What you told the customer, truthfully (如实填写).</source>
      <translation>您对客户说了什么，请如实填写。</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>When the letter was posted or the fax sent.</source>
      <translation>信函寄出或传真发出的时间。</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Why not by &amp;letter</source>
      <translation>不用信函的原因(&amp;L)</translation>
    </message>
    <message>
      <source>Why nothing more can be done</source>
      <translation>无法再作处理的理由</translation>
    </message>
    <message>
      <source>Why nothing more can be done within the rules</source>
      <translation>为何在业务规定内已无法再作处理</translation>
    </message>
    <message>
      <source>Work ID no. (工作证号)</source>
      <translation>工作证号</translation>
    </message>
    <message>
      <source>Write down what you sent.</source>
      <translation>请记录寄送的内容。</translation>
    </message>
    <message>
      <source>Write down what you sent; in working hours, like a call.</source>
      <translation>请记录发送的内容；与打电话一样，应在工作时间内发送。</translation>
    </message>
    <message>
      <source>Write the handling opinion into the comment book beside the entry and sign it (签字确认).</source>
      <translation>在意见簿该条留言旁回复处理意见，并签字确认。</translation>
    </message>
    <message>
      <source>Written back in the book, with nobody to ask for an opinion: the slip can be closed.</source>
      <translation>已在意见簿上回复，无从征询客户意见：处理单可以结案。</translation>
    </message>
    <message>
      <source>Your reply is kept: check the slip and record it again.</source>
      <translation>您填写的回复已保留：请核对处理单后重新登记。</translation>
    </message>
    <message>
      <source>Your text is kept: check the slip and save again.</source>
      <translation>您填写的内容已保留：请核对处理单后重新保存。</translation>
    </message>
    <message>
      <source>e.g. 3-2-1201, the customer's home</source>
      <translation>如 3-2-1201，客户家中</translation>
    </message>
    <message>
      <source>e.g. the customer asked to be called instead</source>
      <translation>如：客户要求改为电话答复</translation>
    </message>
    <message>
      <source>in</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>✓ Within working hours.</source>
      <translation>✓ 在工作时间内。</translation>
    </message>
  </context>
  <context>
    <name>ReturnVisitDialog</name>
    <message>
      <source>%1, %2; due %3 by %4. %5</source>
      <translation>%1，%2；%3 前以%4方式回访。%5</translation>
    </message>
    <message>
      <source>Return visit — %1</source>
      <translation>回访 — %1</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户原话</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <source>%1 average of %2</source>
      <translation>平均 %1（%2 件）</translation>
    </message>
    <message>
      <source>%1 h</source>
      <translation>%1 小时</translation>
    </message>
    <message>
      <source>%1 overdue</source>
      <translation>已逾期 %1 项</translation>
    </message>
    <message>
      <source>A day in the period</source>
      <translation>期间内的某一天</translation>
    </message>
    <message>
      <source>Agreed deadline</source>
      <translation>约定回复时限</translation>
    </message>
    <message>
      <source>Agreed reply deadlines in the period</source>
      <translation>本期间内约定的回复时限</translation>
    </message>
    <message>
      <source>Answered at once</source>
      <translation>当场答复</translation>
    </message>
    <message>
      <source>Average time to first reply</source>
      <translation>首次回复平均用时</translation>
    </message>
    <message>
      <source>By category</source>
      <translation>按类别</translation>
    </message>
    <message>
      <source>By channel</source>
      <translation>按投诉方式</translation>
    </message>
    <message>
      <source>Complainant</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Complainants complaining more than once</source>
      <translation>多次投诉的投诉人</translation>
    </message>
    <message>
      <source>Complainants complaining more than once: %1</source>
      <translation>多次投诉的投诉人：%1</translation>
    </message>
    <message>
      <source>Complaints received</source>
      <translation>受理投诉数</translation>
    </message>
    <message>
      <source>Corrective action</source>
      <translation>纠正预防措施</translation>
    </message>
    <message>
      <source>Counted at %1.</source>
      <translation>统计时间：%1。</translation>
    </message>
    <message>
      <source>Counting…</source>
      <translation>正在统计…</translation>
    </message>
    <message>
      <source>Export PDF…</source>
      <translation>导出 PDF…</translation>
    </message>
    <message>
      <source>Export XLSX…</source>
      <translation>导出 XLSX…</translation>
    </message>
    <message>
      <source>Export cancelled; nothing was written.</source>
      <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
      <source>Export the review</source>
      <translation>导出总结检讨</translation>
    </message>
    <message>
      <source>Figures per staff member</source>
      <translation>员工处理情况</translation>
    </message>
    <message>
      <source>Figures per staff member — handled: answered on the spot or first replied to by them; on time: by the agreed deadline</source>
      <translation>员工处理情况（表彰先进）— 处理：当场答复或首次回复由本人完成；按时：在约定回复时限内</translation>
    </message>
    <message>
      <source>Handled on time</source>
      <translation>按时处理/处理</translation>
    </message>
    <message>
      <source>Handling authority</source>
      <translation>处理权限</translation>
    </message>
    <message>
      <source>Making the review for %1…</source>
      <translation>正在生成 %1 的总结检讨…</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>月</translation>
    </message>
    <message>
      <source>Motives (投诉动机)</source>
      <translation>投诉动机</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Next ▶</source>
      <translation>下一期 ▶</translation>
    </message>
    <message>
      <source>On time</source>
      <translation>按时率</translation>
    </message>
    <message>
      <source>Open promises</source>
      <translation>未兑现的约定</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Received to first reply: %1 slips, average %2 h, median %3 h.   Received to closed: %4 slips, average %5 h, median %6 h.   Closed in the period: %7; settled %8, not settled %9.   Reopened (reply not accepted): %10 slips, %11 times.   Ended by the person in charge, answered within the rules and still not accepted: %12.</source>
      <translation>受理至首次回复：%1 件，平均 %2 小时，中位数 %3 小时。   受理至结案：%4 件，平均 %5 小时，中位数 %6 小时。   本期结案：%7 件；问题已解决 %8 件，未解决 %9 件。   客户不认可、重新处理：%10 件，共 %11 次。   答复已按规定作出、客户仍不认可（负责人终结）：%12 件。</translation>
    </message>
    <message>
      <source>Repeated complaints and their causes</source>
      <translation>重复投诉及其原因</translation>
    </message>
    <message>
      <source>Repeated complaints and their causes: %1, %2 analysed</source>
      <translation>重复投诉及其原因：%1 件，已分析 %2 件</translation>
    </message>
    <message>
      <source>Repeats</source>
      <translation>重复</translation>
    </message>
    <message>
      <source>Replied by the agreed deadline</source>
      <translation>按约定时限回复</translation>
    </message>
    <message>
      <source>Replies accepted</source>
      <translation>回复获认可</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>总结检讨</translation>
    </message>
    <message>
      <source>Review a month or a week</source>
      <translation>按月或按周总结检讨</translation>
    </message>
    <message>
      <source>Root cause</source>
      <translation>根本原因</translation>
    </message>
    <message>
      <source>Satisfaction</source>
      <translation>满意度</translation>
    </message>
    <message>
      <source>Satisfaction of slips closed (1 very dissatisfied – 7 very satisfied)</source>
      <translation>已结案处理单的满意度（1 很不满意 – 7 很满意）</translation>
    </message>
    <message>
      <source>Satisfied (fairly satisfied or better)</source>
      <translation>满意（较满意及以上）</translation>
    </message>
    <message>
      <source>Slip</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>Slips</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>Staff member</source>
      <translation>员工</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>The period's open promises</source>
      <translation>本期未兑现的约定</translation>
    </message>
    <message>
      <source>The period's open promises: %1</source>
      <translation>本期未兑现的约定：%1</translation>
    </message>
    <message>
      <source>The review could not be made; the details are in the log file.</source>
      <translation>无法生成总结检讨；详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>房号</translation>
    </message>
    <message>
      <source>Units complaining more than once</source>
      <translation>多次投诉的房号</translation>
    </message>
    <message>
      <source>Units complaining more than once: %1</source>
      <translation>多次投诉的房号：%1</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>周</translation>
    </message>
    <message>
      <source>Weekly and monthly review</source>
      <translation>每周、每月总结检讨</translation>
    </message>
    <message>
      <source>Writing %1…</source>
      <translation>正在写入 %1…</translation>
    </message>
    <message>
      <source>Written to %1.</source>
      <translation>已写入 %1。</translation>
    </message>
    <message>
      <source>median %1 h</source>
      <translation>中位数 %1 小时</translation>
    </message>
    <message>
      <source>not analysed yet</source>
      <translation>尚未分析</translation>
    </message>
    <message>
      <source>previous period %1</source>
      <translation>上期 %1</translation>
    </message>
    <message>
      <source>◀ Previous</source>
      <translation>◀ 上一期</translation>
    </message>
  </context>
  <context>
    <name>SatisfactionDialog</name>
    <message>
      <source>By</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>Choose the customer's level of satisfaction and whether the matter is settled.</source>
      <translation>请选择客户的满意程度，以及问题是否已经解决。</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>说明</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>回访时间</translation>
    </message>
    <message>
      <source>How</source>
      <translation>方式</translation>
    </message>
    <message>
      <source>How satisfied is the customer? (七级满意度)</source>
      <translation>客户满意吗？（七级满意度）</translation>
    </message>
    <message>
      <source>How to thank them</source>
      <translation>致谢方式</translation>
    </message>
    <message>
      <source>Not asked</source>
      <translation>未询问</translation>
    </message>
    <message>
      <source>Not settled (问题未解决)</source>
      <translation>问题未解决</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Purpose</source>
      <translation>目的</translation>
    </message>
    <message>
      <source>Purpose of the return visit</source>
      <translation>回访目的</translation>
    </message>
    <message>
      <source>Return visit by</source>
      <translation>回访方式</translation>
    </message>
    <message>
      <source>Return visit due</source>
      <translation>回访时间</translation>
    </message>
    <message>
      <source>Satisfaction and return visit — %1</source>
      <translation>满意度与回访 — %1</translation>
    </message>
    <message>
      <source>Schedule a return visit (回访)</source>
      <translation>安排回访</translation>
    </message>
    <message>
      <source>Settled (问题已解决)</source>
      <translation>问题已解决</translation>
    </message>
    <message>
      <source>Thank the customer for a helpful suggestion</source>
      <translation>感谢客户提出的有益建议</translation>
    </message>
    <message>
      <source>Thanks for a suggestion (意见簿: 携带小礼品上门感谢，或服务等级升级)</source>
      <translation>感谢建议（携带小礼品上门感谢，或服务等级升级）</translation>
    </message>
    <message>
      <source>The matter</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户原话</translation>
    </message>
    <message>
      <source>What the customer said, in their words</source>
      <translation>客户原话</translation>
    </message>
    <message>
      <source>What to ask on the return visit</source>
      <translation>回访时要询问的事项</translation>
    </message>
    <message>
      <source>What was given or upgraded</source>
      <translation>赠送了什么或升级了哪项服务</translation>
    </message>
  </context>
  <context>
    <name>SavedPage</name>
    <message>
      <source>&amp;Open the slip</source>
      <translation>打开处理单(&amp;O)</translation>
    </message>
    <message>
      <source>Answered at once; the slip is closed and counts in the reviews.</source>
      <translation>已当场答复；处理单已结案，并计入总结检讨。</translation>
    </message>
    <message>
      <source>Beyond the desk's authority: it now waits for the person in charge to confirm the escalation.</source>
      <translation>超出处理权限：现等待负责人确认上报。</translation>
    </message>
    <message>
      <source>Reply promised by %1.</source>
      <translation>已约定于 %1 前回复。</translation>
    </message>
    <message>
      <source>Reported to the person in charge (请示负责人处理); within authority: passed to %1 for handling.</source>
      <translation>已请示负责人处理；属处理权限内，已派%1处理。</translation>
    </message>
    <message>
      <source>Saved. Tell the customer the slip number:</source>
      <translation>已保存。请告诉客户处理单号：</translation>
    </message>
    <message>
      <source>Take the &amp;next complaint</source>
      <translation>受理下一条投诉(&amp;N)</translation>
    </message>
    <message>
      <source>The slip now waits for handling.</source>
      <translation>处理单现等待处理。</translation>
    </message>
    <message>
      <source>Within authority: passed to %1 for handling.</source>
      <translation>权限内：已转交 %1 处理。</translation>
    </message>
  </context>
  <context>
    <name>SignalsTab</name>
    <message>
      <source>&amp;Add a signal</source>
      <translation>新增上报信号(&amp;A)</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Beyond any clerk (no override)</source>
      <translation>一律超出前台权限（不可改判）</translation>
    </message>
    <message>
      <source>Chinese</source>
      <translation>中文</translation>
    </message>
    <message>
      <source>English</source>
      <translation>英文</translation>
    </message>
    <message>
      <source>Not after (worries)</source>
      <translation>前面不能是（担心类词语）</translation>
    </message>
    <message>
      <source>Signals that always escalate</source>
      <translation>必须上报的信号</translation>
    </message>
    <message>
      <source>Words (separated by 、)</source>
      <translation>关键词（用“、”分隔）</translation>
    </message>
  </context>
  <context>
    <name>SlipEdit</name>
    <message>
      <source>&amp;Save corrections</source>
      <translation>保存更正(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Save the merged slip</source>
      <translation>保存合并后的处理单(&amp;S)</translation>
    </message>
    <message>
      <source>Back to my corrections</source>
      <translation>返回我的更正</translation>
    </message>
    <message>
      <source>Both changed it.</source>
      <translation>双方都修改了此项。</translation>
    </message>
    <message>
      <source>Both changed it: choose one.</source>
      <translation>双方都修改了此项：请选择其一。</translation>
    </message>
    <message>
      <source>Both made the same change.</source>
      <translation>双方修改一致。</translation>
    </message>
    <message>
      <source>Changed at another desk</source>
      <translation>其他前台已修改</translation>
    </message>
    <message>
      <source>Changed at the other desk only.</source>
      <translation>只有其他前台修改了此项。</translation>
    </message>
    <message>
      <source>Changed by you only.</source>
      <translation>只有您修改了此项。</translation>
    </message>
    <message>
      <source>Choose a value for the %1 fields you both changed.</source>
      <translation>你们两人都改动了 %1 项，请为每项选定一个值。</translation>
    </message>
    <message>
      <source>Choose a value for the field you both changed.</source>
      <translation>你们两人都改动了这一项，请选定一个值。</translation>
    </message>
    <message>
      <source>Correct slip %1</source>
      <translation>更正处理单 %1</translation>
    </message>
    <message>
      <source>Correct the complainant, the complaint, its category, the notes or the channel's facts</source>
      <translation>更正投诉人、投诉内容、类别、处理记录或投诉方式的相关信息</translation>
    </message>
    <message>
      <source>Correct the details…</source>
      <translation>更正信息…</translation>
    </message>
    <message>
      <source>Correct what was recorded wrongly. The status and the reply deadline change only through the handling steps. Every correction is kept in the slip's history.</source>
      <translation>更正记录有误的内容。状态和回复时限只能通过处理步骤变更。每次更正都会记入处理单的历史记录。</translation>
    </message>
    <message>
      <source>Discard your corrections?</source>
      <translation>放弃您的更正？</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>保留我的</translation>
    </message>
    <message>
      <source>Keep theirs</source>
      <translation>保留对方的</translation>
    </message>
    <message>
      <source>Nothing was overwritten. For each field, choose what the slip should say: the other desk's value or yours. Fields only one of you changed are chosen for you; check them anyway.</source>
      <translation>没有任何内容被覆盖。请逐项选择处理单应采用的内容：其他前台的还是您的。只有一方修改过的字段已自动选好，但仍请核对。</translation>
    </message>
    <message>
      <source>Save (Ctrl+S)</source>
      <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
      <source>Saved at the other desk</source>
      <translation>其他前台保存的内容</translation>
    </message>
    <message>
      <source>Slip %1 was changed at another desk%2 since you opened it. Go on: what you typed is kept, and saving shows what changed, field by field, to merge.</source>
      <translation>处理单 %1 在您打开后已在其他前台修改%2。您可以继续：已填写的内容会保留，保存时会逐项显示有哪些改动，供您合并。</translation>
    </message>
    <message>
      <source>Someone else saved this slip while you were correcting it</source>
      <translation>您更正期间，其他人已保存了此处理单</translation>
    </message>
    <message>
      <source>What you typed</source>
      <translation>您输入的内容</translation>
    </message>
    <message>
      <source>When you opened it</source>
      <translation>您打开时的内容</translation>
    </message>
    <message>
      <source>Why a slip that is no longer open is corrected (kept in its history)</source>
      <translation>修改已办结处理单的原因（记入其历史记录）</translation>
    </message>
    <message>
      <source>Why this slip is corrected</source>
      <translation>修改此处理单的原因</translation>
    </message>
    <message>
      <source>Your corrections to this slip have not been saved. Close and lose them?</source>
      <translation>您对此处理单的更正尚未保存。要关闭并放弃这些更正吗？</translation>
    </message>
  </context>
  <context>
    <name>SlipEditForm</name>
    <message>
      <source>Ca&amp;tegory</source>
      <translation>类别(&amp;T)</translation>
    </message>
    <message>
      <source>Calls outside office hours are fine</source>
      <translation>可以在非工作时间来电</translation>
    </message>
    <message>
      <source>Complainant and how to reach them</source>
      <translation>投诉人及联系方式</translation>
    </message>
    <message>
      <source>Handling &amp;notes</source>
      <translation>处理记录(&amp;N)</translation>
    </message>
    <message>
      <source>Moved to a quiet place</source>
      <translation>已请客户到安静的地方</translation>
    </message>
    <message>
      <source>Thanked the caller at the end (感谢来电)</source>
      <translation>通话结束时已向客户致谢（感谢来电）</translation>
    </message>
    <message>
      <source>The complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>The customer was listened to and calmed</source>
      <translation>已倾听客户诉说，客户情绪已平复</translation>
    </message>
    <message>
      <source>The entry leaves contact details</source>
      <translation>留言留有联系方式</translation>
    </message>
    <message>
      <source>Urgent: a safety risk, water running, someone trapped</source>
      <translation>紧急：有安全隐患、漏水不止、有人被困</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>not recorded</source>
      <translation>未记录</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>SlipForm</name>
    <message>
      <source>%1 cannot be read: %2</source>
      <translation>无法读取 %1：%2</translation>
    </message>
    <message>
      <source>&amp;Answered at once</source>
      <translation>当场答复(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Complaint</source>
      <translation>投诉内容(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Name</source>
      <translation>姓名(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Phone</source>
      <translation>电话(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Received on</source>
      <translation>收信日期(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Reply later, by an agreed deadline</source>
      <translation>日后回复，按约定时限(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Unit</source>
      <translation>房号(&amp;U)</translation>
    </message>
    <message>
      <source>13812345678 or 021-58881234</source>
      <translation>13812345678 或 021-58881234</translation>
    </message>
    <message>
      <source>3-2-1201 (building-entrance-room)</source>
      <translation>3-2-1201（楼-单元-室）</translation>
    </message>
    <message>
      <source>A letter is answered by letter (对等回复): the sender's address is required, unless the letter is anonymous or gives none.</source>
      <translation>信函投诉原则上以信函对等回复：须填写寄信人地址，匿名信或未留回信地址的除外。</translation>
    </message>
    <message>
      <source>A written complaint is not answered on the spot (当场答复只适用于现场和电话投诉).</source>
      <translation>书面投诉不能当场答复（当场答复只适用于现场和电话投诉）。</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Always thank the caller at the end of the call (感谢来电).</source>
      <translation>电话结束之际，都要向客户表达谢意（感谢来电）。</translation>
    </message>
    <message>
      <source>Answer at once if you can; otherwise agree a reply deadline: saving reports the slip to the person in charge (请示负责人处理) and, within your authority, passes it to the responsible department.</source>
      <translation>能当场答复的立即答复；不能的，与客户约定回复时限：保存后处理单即请示负责人处理，属处理权限内的同时派给责任部门。</translation>
    </message>
    <message>
      <source>Answer at once if you can; otherwise transfer the call to the person in charge, who tries to answer on the spot.</source>
      <translation>能答复的立即答复；无法答复的立即转交负责人，尽量当场给予答复。</translation>
    </message>
    <message>
      <source>Answer at once, or agree a reply deadline (约定回复时限)</source>
      <translation>当场答复，或约定回复时限</translation>
    </message>
    <message>
      <source>Answered at once</source>
      <translation>当场答复</translation>
    </message>
    <message>
      <source>Ask: how would you like it solved? Their words, e.g. 希望今天修好 (or: no particular request).</source>
      <translation>请问客户：您希望怎样解决？按客户原话记录，如“希望今天修好”（客户没有具体要求也请写明）。</translation>
    </message>
    <message>
      <source>Attach &amp;scan…</source>
      <translation>附加扫描件(&amp;S)…</translation>
    </message>
    <message>
      <source>Beyond your authority (处理权限)? The person in charge confirms before it goes to the upper department.</source>
      <translation>超出处理权限？须经负责人确认后，再报上级服务管理部门。</translation>
    </message>
    <message>
      <source>Ca&amp;tegory</source>
      <translation>类别(&amp;T)</translation>
    </message>
    <message>
      <source>Call time</source>
      <translation>来电时间</translation>
    </message>
    <message>
      <source>Caller's &amp;number</source>
      <translation>来电号码(&amp;N)</translation>
    </message>
    <message>
      <source>Calm the customer before taking the complaint, e.g. “张先生，我很理解您此时的心情，请坐下来喝杯茶慢慢说”.</source>
      <translation>受理投诉前先安抚客户情绪，如“张先生，我很理解您此时的心情，请坐下来喝杯茶慢慢说”。</translation>
    </message>
    <message>
      <source>Check the comment book every day (每日查阅); every entry is answered — never on the spot: nobody stands at the desk.</source>
      <translation>每日查阅意见簿，每条留言都要回复——但不能当场答复：留言人并不在场。</translation>
    </message>
    <message>
      <source>Choose a category…</source>
      <translation>选择类别…</translation>
    </message>
    <message>
      <source>Contact details left: reply to the customer as a rule.</source>
      <translation>客户留有联系方式的，原则上应回复客户。</translation>
    </message>
    <message>
      <source>Drop scans here, or attach them with the button</source>
      <translation>把扫描件拖放到这里，或用按钮附上</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>End of the call</source>
      <translation>电话结束时</translation>
    </message>
    <message>
      <source>Entry &amp;date</source>
      <translation>留言日期(&amp;D)</translation>
    </message>
    <message>
      <source>Feelings first, then the matter (先处理情感，后处理事件)</source>
      <translation>先处理情感，后处理事件</translation>
    </message>
    <message>
      <source>Feelings first, then the matter: calm the customer and, if needed, move them somewhere that does not disturb other customers.</source>
      <translation>先处理情感，后处理事件：先安抚客户情绪，必要时请客户到不影响其他客户的地方。</translation>
    </message>
    <message>
      <source>I read the complaint back and the customer agrees it is right</source>
      <translation>我已向客户复述投诉内容，客户确认无误</translation>
    </message>
    <message>
      <source>Keep the scanned letter on the slip; a letter sent up is copied and kept on file (复印，留存备查).</source>
      <translation>将信函扫描件附在处理单上；上报的投诉信函应复印，留存备查。</translation>
    </message>
    <message>
      <source>Letter dated</source>
      <translation>来信落款日期</translation>
    </message>
    <message>
      <source>Listen, record and read the complaint back (复述).</source>
      <translation>认真倾听、记录，并向客户复述一遍。</translation>
    </message>
    <message>
      <source>Listen, record the complaint in their words and read it back (复述).</source>
      <translation>认真倾听，按客户原话记录投诉内容，并向客户复述一遍。</translation>
    </message>
    <message>
      <source>Moved to a quiet place that does not disturb other customers</source>
      <translation>已请客户到不影响其他客户的地方</translation>
    </message>
    <message>
      <source>Name, or pinyin initials to search (zs → 张三)</source>
      <translation>姓名，或用拼音首字母查找（zs → 张三）</translation>
    </message>
    <message>
      <source>No return address: an anonymous letter, or none to write back to (no reply letter then)</source>
      <translation>无回信地址：匿名信或未留回信地址（不寄答复信函）</translation>
    </message>
    <message>
      <source>Not answerable on the call: agree a reply deadline with the caller; saving reports the slip to the person in charge (请示负责人处理).</source>
      <translation>通话中无法答复的，与来电人约定回复时限；保存后处理单即请示负责人处理。</translation>
    </message>
    <message>
      <source>Not transferred</source>
      <translation>未转交</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>处理方式</translation>
    </message>
    <message>
      <source>Page %1</source>
      <translation>第 %1 页</translation>
    </message>
    <message>
      <source>Page / entry no.</source>
      <translation>页码 / 条目号</translation>
    </message>
    <message>
      <source>Read back (复述)</source>
      <translation>复述</translation>
    </message>
    <message>
      <source>Read the complaint back to the customer and let them correct it before you save.</source>
      <translation>保存前向客户复述投诉内容，请客户更正。</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Reply &amp;deadline</source>
      <translation>回复时限(&amp;D)</translation>
    </message>
    <message>
      <source>Reply as a rule by letter (对等回复), approved by the person in charge; another way needs a reason. An anonymous letter gets no reply letter.</source>
      <translation>原则上以信函对等回复，须经负责人确认；改用其他方式须说明原因。匿名信不寄答复信函。</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>回复方式</translation>
    </message>
    <message>
      <source>Reply later, by an agreed deadline</source>
      <translation>日后回复，按约定时限</translation>
    </message>
    <message>
      <source>Scanned letter</source>
      <translation>信函扫描件</translation>
    </message>
    <message>
      <source>Scanned letter files</source>
      <translation>信函扫描文件</translation>
    </message>
    <message>
      <source>Sender</source>
      <translation>寄信人</translation>
    </message>
    <message>
      <source>Sender's &amp;address</source>
      <translation>寄信人地址(&amp;A)</translation>
    </message>
    <message>
      <source>Thanked the caller at the end of the call (感谢来电)</source>
      <translation>通话结束时已向客户致谢（感谢来电）</translation>
    </message>
    <message>
      <source>The call</source>
      <translation>来电</translation>
    </message>
    <message>
      <source>The chosen scan's pages</source>
      <translation>所选扫描件的各页</translation>
    </message>
    <message>
      <source>The comment-book entry (意见簿)</source>
      <translation>意见簿留言</translation>
    </message>
    <message>
      <source>The complaint appears here as you type it, to read back.</source>
      <translation>投诉内容会随输入显示在这里，供复述时使用。</translation>
    </message>
    <message>
      <source>The complaint, in the customer's words</source>
      <translation>投诉内容（客户原话）</translation>
    </message>
    <message>
      <source>The customer agrees to calls outside office hours</source>
      <translation>客户同意在非工作时间来电</translation>
    </message>
    <message>
      <source>The customer has been listened to and is calm enough to talk</source>
      <translation>已倾听客户诉说，客户情绪已平复，可以沟通</translation>
    </message>
    <message>
      <source>The customer took it seriously; so do we: record the letter and investigate quickly.</source>
      <translation>客户重视，我们更要重视：记录信函内容，并迅速调查落实。</translation>
    </message>
    <message>
      <source>The entry leaves contact details</source>
      <translation>留言留有联系方式</translation>
    </message>
    <message>
      <source>The letter (信函投诉)</source>
      <translation>投诉信函</translation>
    </message>
    <message>
      <source>The number on the phone's display</source>
      <translation>来电显示的号码</translation>
    </message>
    <message>
      <source>The rules for this channel</source>
      <translation>此投诉方式的处理规范</translation>
    </message>
    <message>
      <source>This file cannot be shown here; it is kept as it is.</source>
      <translation>此文件无法在此显示，将原样保存。</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>称呼</translation>
    </message>
    <message>
      <source>Transferred to</source>
      <translation>转交给</translation>
    </message>
    <message>
      <source>Urgent: a safety risk, water running, someone trapped</source>
      <translation>紧急：有安全隐患、漏水不止、有人被困</translation>
    </message>
    <message>
      <source>Wants (希望如何解决)</source>
      <translation>客户诉求</translation>
    </message>
    <message>
      <source>What the customer says, in their own words.</source>
      <translation>客户原话。</translation>
    </message>
    <message>
      <source>What the letter or entry asks for, if it says (e.g. 要求书面答复).</source>
      <translation>来信或留言提出的要求（如有），如“要求书面答复”。</translation>
    </message>
    <message>
      <source>What was answered</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>What you explained or did on the spot; it is kept on the slip and counts in the reviews.</source>
      <translation>您当场作了哪些解释或处理；会记在处理单上，并计入总结检讨。</translation>
    </message>
    <message>
      <source>When handled, write the handling opinion back into the book and sign it (签字确认).</source>
      <translation>处理完毕后，在意见簿上回复处理意见并签字确认。</translation>
    </message>
    <message>
      <source>When the customer has our letter, thank them again by phone or e-mail.</source>
      <translation>客户收到我们的信函后，再以电话或邮件向客户表达感谢。</translation>
    </message>
    <message>
      <source>Who is calling</source>
      <translation>来电人</translation>
    </message>
    <message>
      <source>Who is complaining</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Who wrote it</source>
      <translation>留言人</translation>
    </message>
    <message>
      <source>Within your authority: notify the responsible person or department.</source>
      <translation>属于处理权限内的：及时通知责任人或责任部门处理。</translation>
    </message>
    <message>
      <source>Write 匿名 when the entry is not signed.</source>
      <translation>留言未署名的，请填写“匿名”。</translation>
    </message>
    <message>
      <source>not dated</source>
      <translation>未注明日期</translation>
    </message>
    <message>
      <source>第12页第3条</source>
      <translation>第12页第3条</translation>
    </message>
  </context>
  <context>
    <name>SlipList</name>
    <message>
      <source>Asked by</source>
      <translation>提请人</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Clerk's reason</source>
      <translation>接待人员说明的理由</translation>
    </message>
    <message>
      <source>Complainant</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Estate</source>
      <translation>项目</translation>
    </message>
    <message>
      <source>Flagged by</source>
      <translation>上报依据</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>回复时限</translation>
    </message>
    <message>
      <source>Slip no.</source>
      <translation>处理单号</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>房号</translation>
    </message>
  </context>
  <context>
    <name>SlipTableModel</name>
    <message>
      <source>%1 (no progress told)</source>
      <translation>%1（久未告知进展）</translation>
    </message>
    <message>
      <source>%1 (overdue)</source>
      <translation>%1（已逾期）</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>投诉方式</translation>
    </message>
    <message>
      <source>Complainant</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>回复时限</translation>
    </message>
    <message>
      <source>Slip no.</source>
      <translation>处理单号</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>房号</translation>
    </message>
  </context>
  <context>
    <name>SlipView</name>
    <message>
      <source>%1 acknowledged at %2</source>
      <translation>%1 于 %2 确认</translation>
    </message>
    <message>
      <source>%1 — answered within the rules, the customer still disagrees (答复已按规定作出，客户仍不认可)</source>
      <translation>%1 — 答复已按规定作出，客户仍不认可</translation>
    </message>
    <message>
      <source>%1, called at %2; %3</source>
      <translation>%1，%2 通知；%3</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Answered at once</source>
      <translation>当场答复</translation>
    </message>
    <message>
      <source>Asked for</source>
      <translation>指名要找</translation>
    </message>
    <message>
      <source>Attachments</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Authority (处理权限)</source>
      <translation>处理权限</translation>
    </message>
    <message>
      <source>Call time</source>
      <translation>来电时间</translation>
    </message>
    <message>
      <source>Caller's number</source>
      <translation>来电号码</translation>
    </message>
    <message>
      <source>Calls outside office hours</source>
      <translation>非工作时间来电</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Cause and corrective action (原因分析、纠正预防措施)</source>
      <translation>原因分析与纠正预防措施</translation>
    </message>
    <message>
      <source>Changed at another desk</source>
      <translation>已在其他前台修改</translation>
    </message>
    <message>
      <source>Changed at another desk: %1 by %2 at %3. This is the slip as it is now; a form you opened before keeps what you typed, and its save shows what changed.</source>
      <translation>已在其他前台修改：%2 于 %3 进行了“%1”。现在显示的是处理单的最新内容；之前打开的表单会保留您填写的内容，保存时会显示有哪些改动。</translation>
    </message>
    <message>
      <source>Clerk's reason</source>
      <translation>接待人员说明的理由</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已结案</translation>
    </message>
    <message>
      <source>Complainant</source>
      <translation>投诉人</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉内容</translation>
    </message>
    <message>
      <source>Contact details left</source>
      <translation>留有联系方式</translation>
    </message>
    <message>
      <source>Corrective action</source>
      <translation>纠正预防措施</translation>
    </message>
    <message>
      <source>Customer calmed</source>
      <translation>客户情绪已平复</translation>
    </message>
    <message>
      <source>Customer's opinion</source>
      <translation>客户意见</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>电子邮箱</translation>
    </message>
    <message>
      <source>Ended</source>
      <translation>终结</translation>
    </message>
    <message>
      <source>Entry date</source>
      <translation>留言日期</translation>
    </message>
    <message>
      <source>From → to</source>
      <translation>状态变化</translation>
    </message>
    <message>
      <source>Handling</source>
      <translation>处理</translation>
    </message>
    <message>
      <source>History</source>
      <translation>历史记录</translation>
    </message>
    <message>
      <source>Letter dated</source>
      <translation>来信落款日期</translation>
    </message>
    <message>
      <source>Moved to a quiet place</source>
      <translation>已请客户到安静的地方</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>No attachments.</source>
      <translation>无附件。</translation>
    </message>
    <message>
      <source>No progress told lately</source>
      <translation>久未告知进展</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Offered</source>
      <translation>已提出的办法</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已逾期</translation>
    </message>
    <message>
      <source>Page / entry no.</source>
      <translation>页码 / 条目号</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Progress last told</source>
      <translation>最近进展告知</translation>
    </message>
    <message>
      <source>Read back (复述)</source>
      <translation>复述</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>受理</translation>
    </message>
    <message>
      <source>Received on</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>Recorded</source>
      <translation>登记</translation>
    </message>
    <message>
      <source>Repeats</source>
      <translation>重复投诉</translation>
    </message>
    <message>
      <source>Reply by</source>
      <translation>回复方式</translation>
    </message>
    <message>
      <source>Reply deadline (约定回复时限)</source>
      <translation>约定回复时限</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>Root cause</source>
      <translation>根本原因</translation>
    </message>
    <message>
      <source>Save a copy…</source>
      <translation>另存副本…</translation>
    </message>
    <message>
      <source>Sender's address</source>
      <translation>寄信人地址</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Thanked at the end (感谢来电)</source>
      <translation>结束时已致谢（感谢来电）</translation>
    </message>
    <message>
      <source>The customer has heard nothing for some days: tell them how it stands (Progress told…).</source>
      <translation>客户已有数日未获告知：请告诉客户处理进展（进展告知…）。</translation>
    </message>
    <message>
      <source>Transferred to</source>
      <translation>转交给</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>房号</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Wants (客户诉求)</source>
      <translation>客户诉求</translation>
    </message>
    <message>
      <source>What</source>
      <translation>事项</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>经办人</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Why %1</source>
      <translation>为什么 %1</translation>
    </message>
    <message>
      <source>Why it ended</source>
      <translation>终结理由</translation>
    </message>
    <message>
      <source>a repeated complaint: %1 came first</source>
      <translation>重复投诉：前次为 %1</translation>
    </message>
    <message>
      <source>beyond the clerk's authority</source>
      <translation>超出前台处理权限</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>none (anonymous or no return address): no reply letter</source>
      <translation>无（匿名或未留回信地址）：不寄答复信函</translation>
    </message>
    <message>
      <source>not acknowledged yet</source>
      <translation>尚未确认</translation>
    </message>
    <message>
      <source>not stated</source>
      <translation>未提出</translation>
    </message>
    <message>
      <source>not yet</source>
      <translation>尚未告知</translation>
    </message>
    <message>
      <source>reply by %1</source>
      <translation>%1 前回复</translation>
    </message>
    <message>
      <source>within the clerk's authority</source>
      <translation>属前台处理权限</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>⚠ This slip's history fails verification at event %1 (%2). A record was changed, added or removed outside Slipdesk. Do not rely on this history; tell the manager, who can check with “slipdesk-admin verify”.</source>
      <translation>⚠ 此处理单的历史记录在第 %1 条校验未通过（%2）。有记录在 Slipdesk 之外被修改、添加或删除。请不要依赖这份历史记录，并告知经理；经理可用“slipdesk-admin verify”核查。</translation>
    </message>
  </context>
  <context>
    <name>SlipWindow</name>
    <message>
      <source>Slip %1</source>
      <translation>处理单 %1</translation>
    </message>
  </context>
  <context>
    <name>SlipsPage</name>
    <message>
      <source>%1 slip</source>
      <translation>%1 张处理单</translation>
    </message>
    <message>
      <source>%1 slips</source>
      <translation>%1 张处理单</translation>
    </message>
    <message>
      <source>%1+ slips, counting…</source>
      <translation>%1 张以上，正在统计…</translation>
    </message>
    <message>
      <source>&amp;Export…</source>
      <translation>导出(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;From</source>
      <translation>从(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Overdue only</source>
      <translation>仅显示已逾期(&amp;O)</translation>
    </message>
    <message>
      <source>&amp;Print selected slips…</source>
      <translation>打印所选处理单(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>打印(&amp;P)…</translation>
    </message>
    <message>
      <source>&amp;to</source>
      <translation>至(&amp;T)</translation>
    </message>
    <message>
      <source>All buildings</source>
      <translation>全部楼栋</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>All channels</source>
      <translation>全部投诉方式</translation>
    </message>
    <message>
      <source>All departments</source>
      <translation>全部部门</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Any authority</source>
      <translation>不限处理权限</translation>
    </message>
    <message>
      <source>Authority</source>
      <translation>处理权限</translation>
    </message>
    <message>
      <source>Beyond authority</source>
      <translation>超出处理权限</translation>
    </message>
    <message>
      <source>Building</source>
      <translation>楼栋</translation>
    </message>
    <message>
      <source>Building %1</source>
      <translation>%1 号楼</translation>
    </message>
    <message>
      <source>Building, department, authority and dates (Ctrl+Shift+F)</source>
      <translation>楼栋、部门、处理权限和日期（Ctrl+Shift+F）</translation>
    </message>
    <message>
      <source>C&amp;lear filters</source>
      <translation>清除筛选(&amp;L)</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>投诉方式</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Export the slips listed, with these filters, to XLSX or CSV (Ctrl+E)</source>
      <translation>按当前筛选条件将列出的处理单导出为 XLSX 或 CSV（Ctrl+E）</translation>
    </message>
    <message>
      <source>More filters</source>
      <translation>更多筛选</translation>
    </message>
    <message>
      <source>More filters (%1)</source>
      <translation>更多筛选（%1）</translation>
    </message>
    <message>
      <source>No progress told</source>
      <translation>久未告知进展</translation>
    </message>
    <message>
      <source>Number of slips listed</source>
      <translation>列出的处理单数</translation>
    </message>
    <message>
      <source>Open (not finished)</source>
      <translation>未结案</translation>
    </message>
    <message>
      <source>Overdue slips only</source>
      <translation>仅显示已逾期的处理单</translation>
    </message>
    <message>
      <source>Print the handling slips of the selected slips as one job (Ctrl+P)</source>
      <translation>将所选处理单作为一个打印任务打印（Ctrl+P）</translation>
    </message>
    <message>
      <source>Received from</source>
      <translation>受理时间起</translation>
    </message>
    <message>
      <source>Received until</source>
      <translation>受理时间止</translation>
    </message>
    <message>
      <source>Search slips</source>
      <translation>搜索处理单</translation>
    </message>
    <message>
      <source>Search: words of the complaint, name, unit (3-2-1201), phone digits, initials (zs)</source>
      <translation>搜索：投诉内容中的词、姓名、房号（3-2-1201）、电话号码、拼音首字母（zs）</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>正在搜索…</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>显示全部</translation>
    </message>
    <message>
      <source>Show every slip again</source>
      <translation>重新显示全部处理单</translation>
    </message>
    <message>
      <source>Showing slips filtered on another page.</source>
      <translation>正在显示在其他页面筛选出的处理单。</translation>
    </message>
    <message>
      <source>Showing the %1 slips chosen on another page.</source>
      <translation>正在显示在其他页面选定的 %1 张处理单。</translation>
    </message>
    <message>
      <source>Showing the slip chosen on another page.</source>
      <translation>正在显示在其他页面选定的处理单。</translation>
    </message>
    <message>
      <source>Slips</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>Slips in handling whose customer has heard nothing lately</source>
      <translation>处理中且久未告知客户进展的投诉单</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Within authority</source>
      <translation>处理权限内</translation>
    </message>
    <message>
      <source>any</source>
      <translation>不限</translation>
    </message>
  </context>
  <context>
    <name>Tab</name>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
  </context>
  <context>
    <name>Tasks</name>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Slipdesk could not finish this; nothing was half done. The details are in the log file.</source>
      <translation>Slipdesk 未能完成此操作；没有留下做了一半的内容。详细信息已写入日志文件。</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>正在停止…</translation>
    </message>
    <message>
      <source>The file could not be read or written: %1</source>
      <translation>无法读写文件：%1</translation>
    </message>
  </context>
  <context>
    <name>UnderstandingActions</name>
    <message>
      <source>Cause and corrective action…</source>
      <translation>原因分析与纠正预防措施…</translation>
    </message>
    <message>
      <source>Customer's motive…</source>
      <translation>客户的投诉动机…</translation>
    </message>
    <message>
      <source>Progress told…</source>
      <translation>进展告知…</translation>
    </message>
    <message>
      <source>Record the return visit…</source>
      <translation>登记回访…</translation>
    </message>
    <message>
      <source>Satisfaction and return visit…</source>
      <translation>满意度与回访…</translation>
    </message>
  </context>
  <context>
    <name>UpperPage</name>
    <message>
      <source> · the letter (a copy kept on file)</source>
      <translation> · 投诉信函（已复印留存）</translation>
    </message>
    <message>
      <source>&amp;Hand back to the desk… (H)</source>
      <translation>交回前台…(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Open slip</source>
      <translation>打开处理单(&amp;O)</translation>
    </message>
    <message>
      <source>H: record what your department did and hand the slip back to the estate's desk, which replies to the customer · Enter: open the slip</source>
      <translation>H：登记贵部门的处理情况，把处理单交回本物业前台，由前台回复客户 · Enter：打开处理单</translation>
    </message>
    <message>
      <source>Handed back</source>
      <translation>已交回</translation>
    </message>
    <message>
      <source>Note: %1</source>
      <translation>备注：%1</translation>
    </message>
    <message>
      <source>Nothing waits for your department.</source>
      <translation>没有等待贵部门处理的事项。</translation>
    </message>
    <message>
      <source>Sent by %1 at %2, to %3</source>
      <translation>由%1于 %2 报送，接收人：%3</translation>
    </message>
    <message>
      <source>Sent up to us (上报事项)</source>
      <translation>上报事项</translation>
    </message>
    <message>
      <source>Slip %1 was handed back to the estate's desk with your result.</source>
      <translation>处理单 %1 已连同处理结果交回本物业前台。</translation>
    </message>
    <message>
      <source>Slips waiting for your department's handling</source>
      <translation>等待贵部门处理的处理单</translation>
    </message>
    <message>
      <source>Slips your department handed back</source>
      <translation>贵部门已交回的处理单</translation>
    </message>
    <message>
      <source>The clerk's reason: %1</source>
      <translation>接待人员说明的理由：%1</translation>
    </message>
    <message>
      <source>With it: %1</source>
      <translation>随附：%1</translation>
    </message>
  </context>
  <context>
    <name>UsersPage</name>
    <message>
      <source>&amp;Deactivate</source>
      <translation>停用(&amp;D)</translation>
    </message>
    <message>
      <source>&amp;Full name</source>
      <translation>姓名(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;New account</source>
      <translation>新建账号(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Role</source>
      <translation>角色(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>保存(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;User name</source>
      <translation>用户名(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Work ID (工号)</source>
      <translation>工号(&amp;W)</translation>
    </message>
    <message>
      <source>Account added: it signs in with the first password and then chooses its own.</source>
      <translation>账号已添加：首次用初始密码登录后须自行设置新密码。</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Add a clerk, a person in charge or a manager</source>
      <translation>添加接待人员、负责人或经理</translation>
    </message>
    <message>
      <source>Deactivated accounts cannot sign in; their slips keep their name</source>
      <translation>停用的账号不能登录；其经办的处理单仍保留其姓名</translation>
    </message>
    <message>
      <source>Deactivated: this account can no longer sign in.</source>
      <translation>已停用：此账号不能再登录。</translation>
    </message>
    <message>
      <source>End the lockout after repeated failed sign-ins now</source>
      <translation>立即解除多次登录失败造成的锁定</translation>
    </message>
    <message>
      <source>First &amp;password</source>
      <translation>初始密码(&amp;P)</translation>
    </message>
    <message>
      <source>For a colleague who forgot theirs: they sign in with this one and then choose their own.</source>
      <translation>供忘记密码的同事使用：用此密码登录后再自行设置新密码。</translation>
    </message>
    <message>
      <source>Let this account sign in again</source>
      <translation>允许此账号重新登录</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>锁定</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>New account</source>
      <translation>新建账号</translation>
    </message>
    <message>
      <source>New pass&amp;word</source>
      <translation>新密码(&amp;W)</translation>
    </message>
    <message>
      <source>Not saved: see the messages beside the fields.</source>
      <translation>未保存：请查看各栏旁的提示。</translation>
    </message>
    <message>
      <source>Pass it on in person; its owner chooses their own at the first sign-in.</source>
      <translation>请当面告知；账号本人首次登录时须自行设置新密码。</translation>
    </message>
    <message>
      <source>Password reset: pass it on; it must be changed at the next sign-in.</source>
      <translation>密码已重置：请告知本人；下次登录时须修改密码。</translation>
    </message>
    <message>
      <source>R&amp;eset password</source>
      <translation>重置密码(&amp;E)</translation>
    </message>
    <message>
      <source>Re&amp;activate</source>
      <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
      <source>Reactivated: this account can sign in again.</source>
      <translation>已重新启用：此账号可以再次登录。</translation>
    </message>
    <message>
      <source>Repeat new passwor&amp;d</source>
      <translation>再次输入新密码(&amp;D)</translation>
    </message>
    <message>
      <source>Repeat pass&amp;word</source>
      <translation>再次输入密码(&amp;W)</translation>
    </message>
    <message>
      <source>Reset the password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>已保存。</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>员工账号</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
      <source>Un&amp;lock</source>
      <translation>解锁(&amp;L)</translation>
    </message>
    <message>
      <source>Unlocked: this account can sign in again now.</source>
      <translation>已解锁：此账号现在可以登录。</translation>
    </message>
    <message>
      <source>User name</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Work ID</source>
      <translation>工号</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>until %1</source>
      <translation>至 %1</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>WorkflowActions</name>
    <message>
      <source>Agreed with</source>
      <translation>与谁约定</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Handling result</source>
      <translation>处理结果</translation>
    </message>
    <message>
      <source>Move the reply deadline</source>
      <translation>变更回复时限</translation>
    </message>
    <message>
      <source>Move the reply deadline…</source>
      <translation>变更回复时限…</translation>
    </message>
    <message>
      <source>New reply deadline</source>
      <translation>新的回复时限</translation>
    </message>
    <message>
      <source>New reply deadline agreed</source>
      <translation>新约定的回复时限</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Reason for the clerk</source>
      <translation>给接待人员的说明</translation>
    </message>
    <message>
      <source>Responsible person</source>
      <translation>责任人</translation>
    </message>
    <message>
      <source>What the customer said</source>
      <translation>客户原话</translation>
    </message>
    <message>
      <source>What was answered</source>
      <translation>答复内容</translation>
    </message>
    <message>
      <source>What was offered to the customer</source>
      <translation>已向客户提出的解决办法</translation>
    </message>
    <message>
      <source>What your department did: the result the desk tells the customer</source>
      <translation>贵部门的处理情况：前台据此回复客户</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Why it is beyond your authority</source>
      <translation>为什么超出您的处理权限</translation>
    </message>
    <message>
      <source>Why it moves</source>
      <translation>变更原因</translation>
    </message>
    <message>
      <source>Why nothing more can be done within the rules and your authority</source>
      <translation>为何在业务规定和权限内已无法再作处理</translation>
    </message>
  </context>
  <context>
    <name>WriteHandover</name>
    <message>
      <source>&amp;Hand over</source>
      <translation>交班(&amp;H)</translation>
    </message>
    <message>
      <source>Handover note</source>
      <translation>交接班记录</translation>
    </message>
    <message>
      <source>Note:</source>
      <translation>记录：</translation>
    </message>
    <message>
      <source>The next shift inherits these promises (due before %1):</source>
      <translation>下一班次要接手的约定事项（%1 前到期）：</translation>
    </message>
    <message>
      <source>What the next clerk must know: calls expected, customers to call back, keys, anything promised by word of mouth.</source>
      <translation>下一班接待人员须知道的事：要等的来电、要回电的客户、钥匙，以及口头答应过的事情。</translation>
    </message>
    <message>
      <source>Write the handover note (交接班)</source>
      <translation>填写交接班记录</translation>
    </message>
  </context>
  <context>
    <name>_PhrasesTab</name>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Also written</source>
      <translation>其他写法</translation>
    </message>
    <message>
      <source>Better said another way (建议改说)</source>
      <translation>建议改说</translation>
    </message>
    <message>
      <source>How serious</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Never say (严禁使用)</source>
      <translation>严禁使用</translation>
    </message>
    <message>
      <source>New phrase</source>
      <translation>新增忌语</translation>
    </message>
    <message>
      <source>Other ways of saying it, one per line</source>
      <translation>其他说法，每行一个</translation>
    </message>
    <message>
      <source>Phrase</source>
      <translation>忌语</translation>
    </message>
    <message>
      <source>Save phrase</source>
      <translation>保存忌语</translation>
    </message>
    <message>
      <source>Saved. Replies are checked against it at once.</source>
      <translation>已保存。回复内容会立即按此检查。</translation>
    </message>
    <message>
      <source>Say instead</source>
      <translation>应改说</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>出处</translation>
    </message>
    <message>
      <source>What to say instead</source>
      <translation>应改用的说法</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Why not (the seed's words)</source>
      <translation>为什么不能说（原文）</translation>
    </message>
    <message>
      <source>Words never to say</source>
      <translation>服务忌语</translation>
    </message>
  </context>
  <context>
    <name>_RulesTab</name>
    <message>
      <source>%1 decisions by clerks, %2 of them corrections. Rules the clerks often correct come first: change their words or weight.</source>
      <translation>接待人员共作出 %1 次判断，其中 %2 次为更正。经常被更正的规则排在前面：请调整其关键词或权重。</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>启用</translation>
    </message>
    <message>
      <source>Chosen by clerks where the rules suggested otherwise (words to add): %1</source>
      <translation>规则建议不同、而接待人员另有选择的情况（可补充的关键词）：%1</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>Corrected</source>
      <translation>被更正</translation>
    </message>
    <message>
      <source>Corrected %</source>
      <translation>更正率 %</translation>
    </message>
    <message>
      <source>Fired</source>
      <translation>触发</translation>
    </message>
    <message>
      <source>Motive rules, most corrected first</source>
      <translation>投诉动机规则（更正最多的排在前面）</translation>
    </message>
    <message>
      <source>New rule</source>
      <translation>新增规则</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Rule code</source>
      <translation>规则代码</translation>
    </message>
    <message>
      <source>Save rule</source>
      <translation>保存规则</translation>
    </message>
    <message>
      <source>Saved. New suggestions use it at once.</source>
      <translation>已保存。新的建议会立即采用。</translation>
    </message>
    <message>
      <source>Suggests</source>
      <translation>建议</translation>
    </message>
    <message>
      <source>The value it suggests</source>
      <translation>规则给出的判断</translation>
    </message>
    <message>
      <source>Value</source>
      <translation>判断</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>权重</translation>
    </message>
    <message>
      <source>What the rule suggests</source>
      <translation>规则判断的项目</translation>
    </message>
    <message>
      <source>Why the rule exists</source>
      <translation>设立规则的原因</translation>
    </message>
    <message>
      <source>Words</source>
      <translation>关键词</translation>
    </message>
    <message>
      <source>Words, one per line</source>
      <translation>关键词，每行一个</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
  </context>
  <context>
    <name>_Whys</name>
    <message>
      <source>Why %1</source>
      <translation>为什么 %1</translation>
    </message>
    <message>
      <source>Why, number %1</source>
      <translation>第 %1 问：为什么</translation>
    </message>
    <message>
      <source>Why? (%1)</source>
      <translation>为什么？（%1）</translation>
    </message>
  </context>
  <context>
    <name>app</name>
    <message>
      <source>Slipdesk could not finish what you asked. What was saved before is safe; a form you were filling in keeps what you typed.

The details were written to %1 — please pass them to your administrator.</source>
      <translation>Slipdesk 未能完成您要求的操作。此前保存的内容都安全无损；正在填写的表单仍保留着已输入的内容。

详细信息已写入 %1，请转交系统管理员。</translation>
    </message>
    <message>
      <source>Slipdesk is already open on this database: its window was brought forward.</source>
      <translation>Slipdesk 已在此数据库上打开，已将其窗口调到前面。</translation>
    </message>
    <message>
      <source>Something went wrong</source>
      <translation>出现问题</translation>
    </message>
  </context>
  <context>
    <name>models</name>
    <message>
      <source>  {number}: agreed {deadline}, {hours} working hour(s) left → now ends {proposed}{flag}</source>
      <translation>  {number}：约定 {deadline}，尚余 {hours} 个工作小时 → 现应为 {proposed}{flag}</translation>
    </message>
    <message>
      <source>  … and {n:,} more
</source>
      <translation>  ……另有 {n:,} 处
</translation>
    </message>
    <message>
      <source> (the agreed time is now a day off)</source>
      <translation>（约定时间现为休息日）</translation>
    </message>
    <message>
      <source> and {path}</source>
      <translation> 和 {path}</translation>
    </message>
    <message>
      <source> by {actor} at {time}</source>
      <translation>（{actor}，{time}）</translation>
    </message>
    <message>
      <source> or </source>
      <translation>”或“</translation>
    </message>
    <message>
      <source> — the agreed time is now a day off</source>
      <translation> —— 约定时间现为休息日</translation>
    </message>
    <message>
      <source>%n days</source>
      <translation>%n 天</translation>
    </message>
    <message>
      <source>%n demo slips</source>
      <translation>%n 张演示处理单</translation>
    </message>
    <message>
      <source>%n errors</source>
      <translation>%n 处错误</translation>
    </message>
    <message>
      <source>%n estates</source>
      <translation>%n 个项目</translation>
    </message>
    <message>
      <source>%n handling slips</source>
      <translation>%n 张处理单</translation>
    </message>
    <message>
      <source>%n minutes</source>
      <translation>%n 分钟</translation>
    </message>
    <message>
      <source>%n new units</source>
      <translation>%n 处房屋</translation>
    </message>
    <message>
      <source>%n problems</source>
      <translation>%n 处问题</translation>
    </message>
    <message>
      <source>%n residents</source>
      <translation>%n 位</translation>
    </message>
    <message>
      <source>%n row errors</source>
      <translation>%n 处行错误</translation>
    </message>
    <message>
      <source>%n rows</source>
      <translation>%n 行</translation>
    </message>
    <message>
      <source>%n slip numbers</source>
      <translation>%n 个</translation>
    </message>
    <message>
      <source>%n slips</source>
      <translation>%n 张处理单</translation>
    </message>
    <message>
      <source>(no name)</source>
      <translation>（未命名）</translation>
    </message>
    <message>
      <source>--body and --body-file apply to the letter only.</source>
      <translation>--body 和 --body-file 只用于信函（letter）。</translation>
    </message>
    <message>
      <source>--map wants FIELD=HEADING with FIELD one of {fields}.</source>
      <translation>--map 的格式为 字段=列标题，字段为 {fields} 之一。</translation>
    </message>
    <message>
      <source>--slips must be 0 to {most:,}.</source>
      <translation>--slips 须为 0 至 {most:,}。</translation>
    </message>
    <message>
      <source>: </source>
      <translation>：</translation>
    </message>
    <message>
      <source>; </source>
      <translation>；</translation>
    </message>
    <message>
      <source>; missed: {names}</source>
      <translation>；未达标：{names}</translation>
    </message>
    <message>
      <source>; worked {days}</source>
      <translation>；{days} 上班</translation>
    </message>
    <message>
      <source>A Chinese name (up to 64 characters) is required.</source>
      <translation>请填写中文名称（不超过 64 字）。</translation>
    </message>
    <message>
      <source>A call or a visit hears the customer: record what they said of the reply.</source>
      <translation>电话或上门答复时客户就在听：请登记客户对答复的意见。</translation>
    </message>
    <message>
      <source>A company database is a PostgreSQL database: give a postgresql:// URL, not {url}.</source>
      <translation>公司数据库须为 PostgreSQL 数据库：请提供 postgresql:// 地址，而不是 {url}。</translation>
    </message>
    <message>
      <source>A company database is a PostgreSQL database: give a postgresql:// URL.</source>
      <translation>公司数据库须为 PostgreSQL 数据库：请提供 postgresql:// 地址。</translation>
    </message>
    <message>
      <source>A desk's first account is its manager's.</source>
      <translation>前台的第一个账号必须是经理账号。</translation>
    </message>
    <message>
      <source>A display name has at most {n} characters.</source>
      <translation>显示姓名最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>A display name is required.</source>
      <translation>请填写显示姓名。</translation>
    </message>
    <message>
      <source>A letter is answered by letter as a rule (原则上采用信函的方式对等回复): say why this customer is answered another way (they asked for it, …).</source>
      <translation>信函投诉原则上采用信函的方式对等回复：请说明为何改用其他方式答复（如客户要求等）。</translation>
    </message>
    <message>
      <source>A login name is lower-case letters, digits and _ (at most 63), starting with a letter.</source>
      <translation>登录名由小写字母、数字和下划线组成（最多 63 个），以字母开头。</translation>
    </message>
    <message>
      <source>A name (up to 64 characters) is required.</source>
      <translation>请填写姓名（不超过 64 字）。</translation>
    </message>
    <message>
      <source>A name has at most {n} characters.</source>
      <translation>姓名最多 {n} 个字。</translation>
    </message>
    <message>
      <source>A postcode has six digits, e.g. 200120.</source>
      <translation>邮政编码为 6 位数字，如 200120。</translation>
    </message>
    <message>
      <source>A reply letter goes by letter or fax.</source>
      <translation>答复信函只能以信函或传真方式发出。</translation>
    </message>
    <message>
      <source>A reply to slip {number} is recorded with what was said or sent and the customer's opinion (Record a reply…), not as a bare step.</source>
      <translation>处理单 {number} 的回复须连同回复内容和客户意见一起登记（登记回复…），不能只改变状态。</translation>
    </message>
    <message>
      <source>A short code (up to 48 characters) is required.</source>
      <translation>请填写简短代码（不超过 48 个字符）。</translation>
    </message>
    <message>
      <source>A short code of letters, digits or _ is required.</source>
      <translation>请填写简短代码（字母、数字或 _）。</translation>
    </message>
    <message>
      <source>A slip-number prefix is 1-6 capital letters or digits.</source>
      <translation>处理单编号前缀为 1-6 个大写字母或数字。</translation>
    </message>
    <message>
      <source>A user name has at most {n} characters.</source>
      <translation>用户名最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>A user name has no spaces or control characters.</source>
      <translation>用户名不能含空格或控制字符。</translation>
    </message>
    <message>
      <source>A user name is required.</source>
      <translation>请填写用户名。</translation>
    </message>
    <message>
      <source>A work ID has at most {n} characters.</source>
      <translation>工号最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>A write-back in the comment book answers an entry in the book: reply to this customer another way.</source>
      <translation>意见簿回复只用于答复意见簿留言：请用其他方式答复该客户。</translation>
    </message>
    <message>
      <source>A {channel} complaint cannot be answered on the spot: nobody stands at the desk to hear it. Answering at once is for on-site and phone complaints (对能答复的问题，应立即向客户解释说明); agree a reply deadline instead.</source>
      <translation>{channel}无法当场答复：客户并不在场。当场答复只适用于现场口头投诉和电话投诉；请约定回复时限。</translation>
    </message>
    <message>
      <source>A {kind} reply goes out only after the person in charge approved its text (传真、信函回复时须经负责人确认): draft it and submit it for approval first.</source>
      <translation>传真、信函回复须经负责人确认：请先起草{kind}并提交审批，批准后才能发出。</translation>
    </message>
    <message>
      <source>ACTION</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Agree a reply deadline with the customer (约定回复时限).</source>
      <translation>请与客户约定回复时限。</translation>
    </message>
    <message>
      <source>Agree the time and place of a home visit with the customer beforehand (上门回复应事先和客户约定时间、地点).</source>
      <translation>上门回复应事先和客户约定时间、地点。</translation>
    </message>
    <message>
      <source>All estates</source>
      <translation>全部项目</translation>
    </message>
    <message>
      <source>An English name (up to 64 characters) is required.</source>
      <translation>请填写英文名称（不超过 64 个字符）。</translation>
    </message>
    <message>
      <source>An account of the upper service-management department hands slips back with its result; the estate's desk records everything else.</source>
      <translation>上级服务管理部门的账号只能交回处理结果，其余事项由本物业前台登记。</translation>
    </message>
    <message>
      <source>An amount cannot be negative.</source>
      <translation>金额不能为负数。</translation>
    </message>
    <message>
      <source>An estate code is 1-16 letters, digits, - or _.</source>
      <translation>项目代码为 1-16 个字母、数字、- 或 _。</translation>
    </message>
    <message>
      <source>An estate needs a name (at most 64 characters).</source>
      <translation>请填写项目名称（最多 64 个字符）。</translation>
    </message>
    <message>
      <source>Another active manager is needed before this account stops being a manager.</source>
      <translation>需先有另一个启用的经理账号，才能更改此账号的经理角色。</translation>
    </message>
    <message>
      <source>Ask for satisfaction once the customer has had the reply (or an answer on the spot).</source>
      <translation>请在客户收到回复（或已当场答复）后再询问满意度。</translation>
    </message>
    <message>
      <source>Ask the customer how they would like it solved (希望如何解决) and write it down; “no particular request” is an answer too.</source>
      <translation>请询问客户希望如何解决，并如实记录；客户没有具体要求也请写明。</translation>
    </message>
    <message>
      <source>At most 128 characters.</source>
      <translation>最多 128 个字。</translation>
    </message>
    <message>
      <source>At most 2,000 characters.</source>
      <translation>最多 2,000 字。</translation>
    </message>
    <message>
      <source>At most 32 characters.</source>
      <translation>最多 32 个字符。</translation>
    </message>
    <message>
      <source>At most five whys.</source>
      <translation>“为什么”最多五问。</translation>
    </message>
    <message>
      <source>At most {maximum:,} characters ({typed:,} typed).</source>
      <translation>最多 {maximum:,} 字（已输入 {typed:,} 字）。</translation>
    </message>
    <message>
      <source>At most {most} new entries in one check.</source>
      <translation>一次查阅最多登记 {most} 条新增留言。</translation>
    </message>
    <message>
      <source>At most {n:,} characters of plain text.</source>
      <translation>纯文本，最多 {n:,} 字。</translation>
    </message>
    <message>
      <source>Attach at most {n} scans.</source>
      <translation>最多附 {n} 份扫描件。</translation>
    </message>
    <message>
      <source>Attach scans as files.</source>
      <translation>请以文件形式附上扫描件。</translation>
    </message>
    <message>
      <source>Between 1 and 365 days.</source>
      <translation>请填写 1 至 365 天。</translation>
    </message>
    <message>
      <source>Between 1 and {n} days.</source>
      <translation>请填写 1 至 {n} 天。</translation>
    </message>
    <message>
      <source>CODE</source>
      <translation>代码</translation>
    </message>
    <message>
      <source>COMMAND</source>
      <translation>命令</translation>
    </message>
    <message>
      <source>Call the person asked for from the form.</source>
      <translation>请在表单中呼叫客户点名的人。</translation>
    </message>
    <message>
      <source>Cannot open the database {target}: {problem} Nothing was done.</source>
      <translation>无法打开数据库 {target}：{problem} 未做任何操作。</translation>
    </message>
    <message>
      <source>Cannot read the anchor {path}: {err}</source>
      <translation>无法读取锚点文件 {path}：{err}</translation>
    </message>
    <message>
      <source>Cannot read {path}: {error}</source>
      <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
      <source>Cannot write in {folder}.</source>
      <translation>无法在 {folder} 中写入。</translation>
    </message>
    <message>
      <source>Cannot write {path}: {err}</source>
      <translation>无法写入 {path}：{err}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {problem}</source>
      <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
      <source>Change your own password with “Change my password” in the File menu.</source>
      <translation>请在“文件”菜单的“修改我的密码”中修改自己的密码。</translation>
    </message>
    <message>
      <source>Choose Chinese or English.</source>
      <translation>请选择中文或英文。</translation>
    </message>
    <message>
      <source>Choose a category.</source>
      <translation>请选择类别。</translation>
    </message>
    <message>
      <source>Choose a day that exists every year (not 29 February).</source>
      <translation>请选择每年都有的日期（不能是 2 月 29 日）。</translation>
    </message>
    <message>
      <source>Choose a department from the list.</source>
      <translation>请从列表中选择部门。</translation>
    </message>
    <message>
      <source>Choose a department.</source>
      <translation>请选择部门。</translation>
    </message>
    <message>
      <source>Choose a password other than the present one.</source>
      <translation>新密码不能与当前密码相同。</translation>
    </message>
    <message>
      <source>Choose a person in charge or manager from the list.</source>
      <translation>请从列表中选择负责人或经理。</translation>
    </message>
    <message>
      <source>Choose a thank-you visit, a small gift or a service upgrade.</source>
      <translation>请选择上门致谢、赠送小礼品或提升服务等级。</translation>
    </message>
    <message>
      <source>Choose a time from now on.</source>
      <translation>请选择现在以后的时间。</translation>
    </message>
    <message>
      <source>Choose a value the rule suggests.</source>
      <translation>请选择该规则给出的判断。</translation>
    </message>
    <message>
      <source>Choose at least one weekday.</source>
      <translation>请至少选择一个工作日。</translation>
    </message>
    <message>
      <source>Choose how the complaint came in.</source>
      <translation>请选择投诉方式。</translation>
    </message>
    <message>
      <source>Choose how the customer was told.</source>
      <translation>请选择告知客户的方式。</translation>
    </message>
    <message>
      <source>Choose never said (严禁) or better said another way (建议改说).</source>
      <translation>请选择“严禁使用”或“建议改说”。</translation>
    </message>
    <message>
      <source>Choose one of the seven levels.</source>
      <translation>请在七级满意度中选择一级。</translation>
    </message>
    <message>
      <source>Choose phone, home visit, e-mail or SMS.</source>
      <translation>请选择电话、上门、电子邮件或短信。</translation>
    </message>
    <message>
      <source>Choose the department that will handle it.</source>
      <translation>请选择负责处理的部门。</translation>
    </message>
    <message>
      <source>Choose the folder with the Browse button.</source>
      <translation>请用“浏览”按钮选择文件夹。</translation>
    </message>
    <message>
      <source>Choose the person asked for from the list.</source>
      <translation>请从列表中选择客户点名的人。</translation>
    </message>
    <message>
      <source>Choose what the rule suggests.</source>
      <translation>请选择该规则判断的项目。</translation>
    </message>
    <message>
      <source>Choose 先生, 女士 or no title.</source>
      <translation>请选择“先生”“女士”或不加称呼。</translation>
    </message>
    <message>
      <source>Copy the letter and keep the copy on file (复印，留存备查) before it goes up.</source>
      <translation>上报前请将投诉信函复印，留存备查。</translation>
    </message>
    <message>
      <source>Copy what each new entry says (entry {n} is empty).</source>
      <translation>请抄录每条新增留言的内容（第 {n} 条为空）。</translation>
    </message>
    <message>
      <source>DESK.db</source>
      <translation>前台.db</translation>
    </message>
    <message>
      <source>DESK: {problem}</source>
      <translation>前台：{problem}</translation>
    </message>
    <message>
      <source>Dates before the first numbered section on this line.</source>
      <translation>本行第一个编号条目之前有日期。</translation>
    </message>
    <message>
      <source>Dates of days off or worked outside a numbered section (一、元旦：…): which holiday are they?</source>
      <translation>放假或上班的日期不在编号条目（一、元旦：…）中：属于哪个节日？</translation>
    </message>
    <message>
      <source>Enter a phone number.</source>
      <translation>请填写电话号码。</translation>
    </message>
    <message>
      <source>Enter an amount.</source>
      <translation>请填写金额。</translation>
    </message>
    <message>
      <source>Enter the complainant's name (a surname is enough).</source>
      <translation>请填写投诉人姓名（只填姓也可以）。</translation>
    </message>
    <message>
      <source>Enter the name the letters are signed with (the service centre).</source>
      <translation>请填写信函落款的名称（物业服务中心）。</translation>
    </message>
    <message>
      <source>Enter the resident's name.</source>
      <translation>请填写住户姓名。</translation>
    </message>
    <message>
      <source>Enter the service centre's address; envelopes print it as the sender.</source>
      <translation>请填写服务中心地址，信封寄件人处要打印。</translation>
    </message>
    <message>
      <source>Enter the service-supervision phone (服务监督电话); every reply letter cites it.</source>
      <translation>请填写服务监督电话，每封回复信函都要引用。</translation>
    </message>
    <message>
      <source>Enter the unit as building-entrance-room (3-2-1201).</source>
      <translation>请按“楼-单元-室”填写房号（3-2-1201）。</translation>
    </message>
    <message>
      <source>Estate {code} has slips or accounts already: a desk moves into an empty estate. Nothing was moved.</source>
      <translation>项目 {code} 已有处理单或账户：前台只能迁入空的项目。未迁移任何内容。</translation>
    </message>
    <message>
      <source>Expected a date and time.</source>
      <translation>应为日期和时间。</translation>
    </message>
    <message>
      <source>Expected a date.</source>
      <translation>应为日期。</translation>
    </message>
    <message>
      <source>Expected text.</source>
      <translation>应为文字。</translation>
    </message>
    <message>
      <source>Expected yes or no.</source>
      <translation>应为“是”或“否”。</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
      <source>Export to a file ending in .xlsx or .csv.</source>
      <translation>请导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
      <source>FIELD=HEADING</source>
      <translation>字段=列标题</translation>
    </message>
    <message>
      <source>FILE</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>FILE.pdf</source>
      <translation>文件.pdf</translation>
    </message>
    <message>
      <source>FILE.pdf|FILE.xlsx</source>
      <translation>文件.pdf|文件.xlsx</translation>
    </message>
    <message>
      <source>FIRST BREAK: {broken}</source>
      <translation>第一处断裂：{broken}</translation>
    </message>
    <message>
      <source>Give at least one word or phrase.</source>
      <translation>请至少填写一个词或短语。</translation>
    </message>
    <message>
      <source>Give the answer a title (up to 128 characters).</source>
      <translation>请填写答复口径的标题（不超过 128 字）。</translation>
    </message>
    <message>
      <source>Give the page or entry number in the book.</source>
      <translation>请填写留言在意见簿中的页码或条目号。</translation>
    </message>
    <message>
      <source>Give the scan a file name of at most 255 characters.</source>
      <translation>扫描件文件名最多 255 个字符。</translation>
    </message>
    <message>
      <source>Give the whole path of the folder, e.g. D:\Slipdesk backups.</source>
      <translation>请填写文件夹的完整路径，如 D:\Slipdesk 备份。</translation>
    </message>
    <message>
      <source>It repeats {earlier}: record the cause and the corrective action (原因分析、纠正预防措施) first.</source>
      <translation>该投诉重复了 {earlier}：请先登记原因分析和纠正预防措施。</translation>
    </message>
    <message>
      <source>It went beyond the clerk's authority: record the cause and the corrective action (原因分析、纠正预防措施) first.</source>
      <translation>该投诉超出前台处理权限：请先登记原因分析和纠正预防措施。</translation>
    </message>
    <message>
      <source>KIND</source>
      <translation>种类</translation>
    </message>
    <message>
      <source>Keep it on one line.</source>
      <translation>请写在一行内。</translation>
    </message>
    <message>
      <source>Keep {low} to {high} backups.</source>
      <translation>保留 {low} 至 {high} 份备份。</translation>
    </message>
    <message>
      <source>LOGIN</source>
      <translation>登录名</translation>
    </message>
    <message>
      <source>List at least one word, separated by commas (、 or ,).</source>
      <translation>请至少填写一个关键词，用逗号或顿号（、）分隔。</translation>
    </message>
    <message>
      <source>Lock after {low} to {high} minutes without use.</source>
      <translation>无人操作 {low} 至 {high} 分钟后锁屏。</translation>
    </message>
    <message>
      <source>MISS</source>
      <translation>未达标</translation>
    </message>
    <message>
      <source>MISSING: {gap}</source>
      <translation>缺失：{gap}</translation>
    </message>
    <message>
      <source>NAME</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>NUMBER</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Name each staff member and their work ID number.</source>
      <translation>请填写每位工作人员的姓名和工作证号。</translation>
    </message>
    <message>
      <source>Name the database to write demo data to with --db (a new file): demo data never go to the desk's own database.</source>
      <translation>请用 --db 指定写入演示数据的数据库（新文件）：演示数据不会写入前台自己的数据库。</translation>
    </message>
    <message>
      <source>Name the file to write (-o FILE).</source>
      <translation>请指定要写入的文件（-o 文件）。</translation>
    </message>
    <message>
      <source>Name the first staff member and their work ID number.</source>
      <translation>请填写第一位工作人员的姓名和工作证号。</translation>
    </message>
    <message>
      <source>Name the upper service-management department in the settings first.</source>
      <translation>请先在设置中指定上级服务管理部门。</translation>
    </message>
    <message>
      <source>No day was read.</source>
      <translation>没有读出任何日期。</translation>
    </message>
    <message>
      <source>No e-mail address is recorded for this customer: thank them by phone, or record why thanking them is impossible.</source>
      <translation>该客户没有登记电子邮箱：请电话致谢，或登记无法致谢的原因。</translation>
    </message>
    <message>
      <source>No holiday was read at all.</source>
      <translation>没有读出任何假日。</translation>
    </message>
    <message>
      <source>No numbered section (一、元旦：1月1日放假…) was found: is this the notice?</source>
      <translation>未找到编号条目（一、元旦：1月1日放假……）：这是节假日安排通知吗？</translation>
    </message>
    <message>
      <source>No phone number is recorded for this customer: thank them by e-mail, or record why thanking them is impossible.</source>
      <translation>该客户没有登记电话：请以电子邮件致谢，或登记无法致谢的原因。</translation>
    </message>
    <message>
      <source>No reply of this slip waits for the customer's opinion.</source>
      <translation>该处理单没有待反馈意见的回复。</translation>
    </message>
    <message>
      <source>No reply to the customer is recorded.</source>
      <translation>尚未登记对客户的回复。</translation>
    </message>
    <message>
      <source>Not a phone number: a mobile has 11 digits starting with 1 (13812345678); a landline has its area code (021-58881234).</source>
      <translation>电话号码有误：手机号码为 1 开头的 11 位数字（13812345678），固定电话须带区号（021-58881234）。</translation>
    </message>
    <message>
      <source>Not an e-mail address (name@example.com).</source>
      <translation>电子邮箱地址有误（如 name@example.com）。</translation>
    </message>
    <message>
      <source>Not an iCalendar (.ics) file: {error}</source>
      <translation>不是 iCalendar（.ics）文件：{error}</translation>
    </message>
    <message>
      <source>Not one of the offered choices.</source>
      <translation>不是可选的选项之一。</translation>
    </message>
    <message>
      <source>Not restored, nothing was changed: {problem}</source>
      <translation>未恢复，未做任何改动：{problem}</translation>
    </message>
    <message>
      <source>Not restored, the database is as it was: pg_restore failed: {error}</source>
      <translation>未恢复，数据库保持原样：pg_restore 执行失败：{error}</translation>
    </message>
    <message>
      <source>Not restored: the backup was written by a newer Slipdesk.</source>
      <translation>未恢复：该备份由更新版本的 Slipdesk 生成。</translation>
    </message>
    <message>
      <source>Not restored: {problem}</source>
      <translation>未恢复：{problem}</translation>
    </message>
    <message>
      <source>Nothing imported: {count} to correct first.</source>
      <translation>未导入任何数据：请先更正 {count}。</translation>
    </message>
    <message>
      <source>Nothing to save.</source>
      <translation>没有要保存的内容。</translation>
    </message>
    <message>
      <source>Only a {names} may {action}.</source>
      <translation>只有{names}可以{action}。</translation>
    </message>
    <message>
      <source>Only an account of the upper service-management department hands a slip back.</source>
      <translation>只有上级服务管理部门的账号可以交回处理结果。</translation>
    </message>
    <message>
      <source>PASSWORD</source>
      <translation>密码</translation>
    </message>
    <message>
      <source>PATH</source>
      <translation>路径</translation>
    </message>
    <message>
      <source>PERIOD</source>
      <translation>期间</translation>
    </message>
    <message>
      <source>PREFIX</source>
      <translation>前缀</translation>
    </message>
    <message>
      <source>Print in Chinese (zh) or English (en).</source>
      <translation>请选择中文（zh）或英文（en）打印。</translation>
    </message>
    <message>
      <source>Read the complaint back to the customer (复述) and tick when they agree.</source>
      <translation>请向客户复述投诉内容，客户确认无误后勾选。</translation>
    </message>
    <message>
      <source>Record the complaint in the customer's words.</source>
      <translation>请按客户原话记录投诉内容。</translation>
    </message>
    <message>
      <source>Record the sender's address: we reply by letter. An anonymous letter or one without a return address: tick “no return address”.</source>
      <translation>请记录寄信人地址：原则上以信函回复。匿名信或未留回信地址的，请勾选“无回信地址”。</translation>
    </message>
    <message>
      <source>Record who agreed (the customer).</source>
      <translation>请登记表示同意的人（客户）。</translation>
    </message>
    <message>
      <source>Record who agreed to the new deadline (the customer).</source>
      <translation>请登记同意新时限的人（客户）。</translation>
    </message>
    <message>
      <source>Record who signed the write-back in the comment book (签字确认).</source>
      <translation>请登记在意见簿上回复并签字确认的人。</translation>
    </message>
    <message>
      <source>Reply from the published service-supervision line or the office phone.</source>
      <translation>请使用对外公布的服务监督电话或办公电话回复。</translation>
    </message>
    <message>
      <source>SEED</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>SHEET</source>
      <translation>工作表</translation>
    </message>
    <message>
      <source>SINCE THE ANCHOR: {problem}</source>
      <translation>锚点之后：{problem}</translation>
    </message>
    <message>
      <source>SQLite file or postgresql:// URL (default: a fresh file in a temporary folder)</source>
      <translation>SQLite 文件或 postgresql:// 网址（默认：临时文件夹中新建的文件）</translation>
    </message>
    <message>
      <source>Say what the clerk should say instead.</source>
      <translation>请填写接待人员应改用的说法。</translation>
    </message>
    <message>
      <source>Say what to change in the letter.</source>
      <translation>请说明信函需要修改的地方。</translation>
    </message>
    <message>
      <source>Say who does this: --user USERNAME.</source>
      <translation>请用 --user 用户名 说明由谁操作。</translation>
    </message>
    <message>
      <source>Say why a slip that is no longer open is corrected.</source>
      <translation>请说明修改已办结处理单的原因。</translation>
    </message>
    <message>
      <source>Say why nothing needs doing (e.g. a thank-you note).</source>
      <translation>请说明为何无需处理（如：感谢留言）。</translation>
    </message>
    <message>
      <source>Say why the customer cannot be thanked again (no phone or e-mail, not reachable, …).</source>
      <translation>请说明无法再次致谢的原因（没有电话或电子邮箱、联系不上等）。</translation>
    </message>
    <message>
      <source>Say why the deadline moves.</source>
      <translation>请说明变更时限的原因。</translation>
    </message>
    <message>
      <source>Select the slips to print first.</source>
      <translation>请先选择要打印的处理单。</translation>
    </message>
    <message>
      <source>Send only this slip's own attachments.</source>
      <translation>只能随附本处理单自己的附件。</translation>
    </message>
    <message>
      <source>Slip {number} can be closed only after a reply the customer accepted. When the answer was given within the rules and the customer still disagrees, the person in charge can end it as 答复已按规定作出，客户仍不认可.</source>
      <translation>处理单 {number} 须在客户认可回复后才能结案。若已按规定和权限作出答复而客户仍不认可，可由负责人按“答复已按规定作出，客户仍不认可”终结。</translation>
    </message>
    <message>
      <source>Slip {number} is closed after the reply to the customer: record it first.</source>
      <translation>处理单 {number} 须在答复客户后结案：请先登记回复。</translation>
    </message>
    <message>
      <source>Slip {number} is ended as not accepted only after the customer said they do not (fully) accept the reply: record their opinion first.</source>
      <translation>处理单 {number} 须在客户表示不（完全）认可回复后，才能按客户仍不认可终结：请先登记客户意见。</translation>
    </message>
    <message>
      <source>Slip {number} is not complete (填写完整): {missing}</source>
      <translation>处理单 {number} 尚未填写完整：{missing}</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: no reply letter can be written or approved on it now.</source>
      <translation>处理单 {number} 当前为“{status}”，现在不能再起草或批准答复信函。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: progress is told while a slip is open.</source>
      <translation>处理单 {number} 当前为“{status}”：进展告知只用于未办结的处理单。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: the cause is analysed once the handling result is recorded.</source>
      <translation>处理单 {number} 当前为“{status}”：登记处理结果后才能进行原因分析。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: there is no reply deadline left to move.</source>
      <translation>处理单 {number} 当前为“{status}”，已没有需要变更的回复时限。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: there is no reply left to make.</source>
      <translation>处理单 {number} 当前为“{status}”，已无需再回复。</translation>
    </message>
    <message>
      <source>Slip {number} is {status}: “{step}” is possible only when it is {sources}.</source>
      <translation>处理单 {number} 当前为“{status}”：只有在“{sources}”状态下才能“{step}”。</translation>
    </message>
    <message>
      <source>Slip {number} was changed at another desk{who} since you opened it (it is now {status}). Reload it and try again.</source>
      <translation>处理单 {number} 在您打开后已在其他前台修改{who}，当前状态为“{status}”。请重新打开后再试。</translation>
    </message>
    <message>
      <source>Slip {number} was changed at another desk{who} since you opened it (version {expected} → {version}). Review the differences and save again.</source>
      <translation>处理单 {number} 在您打开后已在其他前台修改{who}（版本 {expected} → {version}）。请核对差异后重新保存。</translation>
    </message>
    <message>
      <source>Slip {number} was not sent up to your department.</source>
      <translation>处理单 {number} 未上报贵部门。</translation>
    </message>
    <message>
      <source>Slip {number}'s letter gave no return address (anonymous or no address): no reply letter can be posted. Reply another way if it left a phone number, e-mail or unit; with none, the slip ends once handled.</source>
      <translation>处理单 {number} 的来信没有回信地址（匿名或未留地址）：无法寄出答复信函。如留有电话、电子邮箱或房号，可改用其他方式答复；都没有的，处理完毕即可结案。</translation>
    </message>
    <message>
      <source>Slipdesk benchmark on {path}</source>
      <translation>Slipdesk 基准测试：{path}</translation>
    </message>
    <message>
      <source>Slipdesk finds it within your authority: say in a few words why it must go up.</source>
      <translation>系统判断属于您的处理权限：请简要说明为何必须上报。</translation>
    </message>
    <message>
      <source>Slipdesk suggests escalation: say in a few words why you may settle it yourself.</source>
      <translation>系统建议上报：请简要说明为何可由您自行处理。</translation>
    </message>
    <message>
      <source>Slipdesk's admin commands, on the desk's database without its window. Every message is in the system locale's language (LANG=zh_CN.UTF-8: Chinese, else English); a command's own --lang is the language of the document it writes. `slipdesk-admin COMMAND --help` tells one command's options.</source>
      <translation>Slipdesk 管理命令：不开窗口，直接处理前台的数据库。所有提示都使用系统区域设置的语言（LANG=zh_CN.UTF-8 为中文，否则为英文）；命令自己的 --lang 是其生成文档的语言。`slipdesk-admin 命令 --help` 可查看某个命令的选项。</translation>
    </message>
    <message>
      <source>State who you are first (回复时应首先向客户讲明身份).</source>
      <translation>回复时应首先向客户讲明身份。</translation>
    </message>
    <message>
      <source>TEXT</source>
      <translation>正文</translation>
    </message>
    <message>
      <source>Thank the caller at the end of the call (感谢来电), then tick.</source>
      <translation>通话结束时请向客户致谢（感谢来电），然后勾选。</translation>
    </message>
    <message>
      <source>Thank the customer by phone or e-mail.</source>
      <translation>请通过电话或电子邮件向客户致谢。</translation>
    </message>
    <message>
      <source>That follow-up no longer exists.</source>
      <translation>该再次致谢记录已不存在。</translation>
    </message>
    <message>
      <source>That letter no longer exists.</source>
      <translation>该信函已不存在。</translation>
    </message>
    <message>
      <source>The CSV file cannot be read: {err}</source>
      <translation>无法读取该 CSV 文件：{err}</translation>
    </message>
    <message>
      <source>The CSV file contains binary data.</source>
      <translation>该 CSV 文件含有二进制数据。</translation>
    </message>
    <message>
      <source>The CSV file is neither UTF-8 nor GB18030 text.</source>
      <translation>该 CSV 文件既不是 UTF-8 也不是 GB18030 编码的文本。</translation>
    </message>
    <message>
      <source>The anchor</source>
      <translation>锚点</translation>
    </message>
    <message>
      <source>The approved letter text is frozen: save the change as a new draft.</source>
      <translation>已批准的信函正文不能再改动：请将修改另存为新的草稿。</translation>
    </message>
    <message>
      <source>The backup copy failed its check: {problem}</source>
      <translation>备份副本未通过校验：{problem}</translation>
    </message>
    <message>
      <source>The backup failed its check: {problem}</source>
      <translation>备份未通过校验：{problem}</translation>
    </message>
    <message>
      <source>The calendar has no events.</source>
      <translation>日历中没有事件。</translation>
    </message>
    <message>
      <source>The call time</source>
      <translation>来电时间</translation>
    </message>
    <message>
      <source>The complaint cannot be emptied.</source>
      <translation>投诉内容不能清空。</translation>
    </message>
    <message>
      <source>The customer accepted the reply to slip {number}: close it instead.</source>
      <translation>客户已认可处理单 {number} 的回复：请直接结案。</translation>
    </message>
    <message>
      <source>The customer did not accept the reply.</source>
      <translation>客户不认可回复。</translation>
    </message>
    <message>
      <source>The customer did not fully accept: record what they said, in their words.</source>
      <translation>客户未完全认可：请按客户原话记录其意见。</translation>
    </message>
    <message>
      <source>The customer has not been thanked again since receiving the letter (再次致谢), nor is it recorded why that is impossible.</source>
      <translation>客户收到信函后尚未再次致谢，也未登记无法致谢的原因。</translation>
    </message>
    <message>
      <source>The customer is thanked after the letter went out ({sent}).</source>
      <translation>再次致谢应在信函寄出（{sent}）之后。</translation>
    </message>
    <message>
      <source>The customer's opinion of the reply to slip {number} is still pending (意见待反馈): record it when they answer — after a letter, usually when you thank them again.</source>
      <translation>处理单 {number} 的回复意见待反馈：客户答复后请登记其意见（信函回复一般在再次致谢时了解）。</translation>
    </message>
    <message>
      <source>The database is busy: another desk, a backup or an admin command is writing to it. Slipdesk waited {seconds} seconds and tried again; nothing was saved, and what you typed is still here. Try again in a moment.</source>
      <translation>数据库正忙：另一个前台、备份或管理命令正在写入。Slipdesk 已等待 {seconds} 秒并重试；尚未保存，您输入的内容仍保留在此。请稍后再试。</translation>
    </message>
    <message>
      <source>The database login “{login}” exists already: choose another with --login.</source>
      <translation>数据库登录名“{login}”已存在：请用 --login 另选一个。</translation>
    </message>
    <message>
      <source>The date</source>
      <translation>日期</translation>
    </message>
    <message>
      <source>The date received</source>
      <translation>收信日期</translation>
    </message>
    <message>
      <source>The deadline is not a valid date and time.</source>
      <translation>回复时限不是有效的日期和时间。</translation>
    </message>
    <message>
      <source>The desk must close after it opens.</source>
      <translation>下班时间必须晚于上班时间。</translation>
    </message>
    <message>
      <source>The entry date</source>
      <translation>留言日期</translation>
    </message>
    <message>
      <source>The entry leaves contact details: record them so we can reply.</source>
      <translation>留言留有联系方式：请记录下来，以便回复客户。</translation>
    </message>
    <message>
      <source>The entry left contact details: reply to the customer directly as well (原则上应回复客户).</source>
      <translation>留言留有联系方式：原则上还应直接回复客户。</translation>
    </message>
    <message>
      <source>The entry of slip {number} left contact details: reply to the customer directly and record their opinion.</source>
      <translation>处理单 {number} 的留言留有联系方式：请直接回复客户并登记其意见。</translation>
    </message>
    <message>
      <source>The estate's letterhead (name, address, service-supervision phone) is not set yet, so nothing can be printed: a manager gives it under Authority and lists (F9) › Letterhead and printing.</source>
      <translation>尚未设置本物业的信头（名称、地址、服务监督电话），暂时不能打印：请经理在“权限与设置（F9）› 信头与打印”中填写。</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>文件为空。</translation>
    </message>
    <message>
      <source>The file is not a PNG or JPEG image that can be read; choose another.</source>
      <translation>该文件不是可读取的 PNG 或 JPEG 图片，请另选。</translation>
    </message>
    <message>
      <source>The file name is too long.</source>
      <translation>文件名太长。</translation>
    </message>
    <message>
      <source>The first manager account exists already.</source>
      <translation>首个经理账户已经存在。</translation>
    </message>
    <message>
      <source>The handling opinion is not yet written back into the comment book and signed (签字确认).</source>
      <translation>尚未在意见簿上回复处理意见并签字确认。</translation>
    </message>
    <message>
      <source>The handling result is not recorded.</source>
      <translation>尚未登记处理结果。</translation>
    </message>
    <message>
      <source>The heading names no date and kind columns (date,kind,name or 日期,类型,名称).</source>
      <translation>表头中没有日期和类型两列（date,kind,name 或 日期,类型,名称）。</translation>
    </message>
    <message>
      <source>The letter cannot be dated after it arrived.</source>
      <translation>来信落款日期不能晚于收信日期。</translation>
    </message>
    <message>
      <source>The letter gives an address: untick “no return address”, or leave the address empty.</source>
      <translation>来信留有地址：请取消勾选“无回信地址”，或不填地址。</translation>
    </message>
    <message>
      <source>The letter of slip {number} was redrafted since you opened it: reload it and read the new text.</source>
      <translation>处理单 {number} 的信函在您打开后已重新起草：请重新打开，阅读新的正文。</translation>
    </message>
    <message>
      <source>The letter says {found}, sentences never to say to a complaining customer (严禁使用). Rewrite them, or confirm you have read the flags: the person in charge sees them too.</source>
      <translation>信函中有{found}，这些是对投诉客户严禁使用的服务忌语。请改写；如确需保留，请确认已阅读标注，负责人审批时也会看到。</translation>
    </message>
    <message>
      <source>The letter says {found}, words never to say to a complaining customer. Read the flags and their alternatives, then approve or send the letter back.</source>
      <translation>信函中有{found}，这些是对投诉客户的服务忌语。请阅读标注及建议的说法，再决定批准或退回。</translation>
    </message>
    <message>
      <source>The letter's date</source>
      <translation>来信落款日期</translation>
    </message>
    <message>
      <source>The logo is {size:.1f} MB; choose an image of at most 2 MB.</source>
      <translation>标志图片为 {size:.1f} MB，请选择不超过 2 MB 的图片。</translation>
    </message>
    <message>
      <source>The logo is {width} × {height} pixels; at most {limit} on each side.</source>
      <translation>标志为 {width} × {height} 像素，每边不能超过 {limit} 像素。</translation>
    </message>
    <message>
      <source>The logo must be a PNG or JPEG image.</source>
      <translation>标志须为 PNG 或 JPEG 图片。</translation>
    </message>
    <message>
      <source>The moved desk did not verify in estate {code} ({problem}): nothing was moved.</source>
      <translation>迁入项目 {code} 的前台数据校验未通过（{problem}）：未迁移任何内容。</translation>
    </message>
    <message>
      <source>The name contains control characters.</source>
      <translation>姓名中含有控制字符。</translation>
    </message>
    <message>
      <source>The notice is for {titled}, not {year}.</source>
      <translation>这份通知是 {titled} 年的，不是 {year} 年的。</translation>
    </message>
    <message>
      <source>The password contains control characters.</source>
      <translation>密码中含有控制字符。</translation>
    </message>
    <message>
      <source>The password has at most {n} characters.</source>
      <translation>密码最多 {n} 个字符。</translation>
    </message>
    <message>
      <source>The password needs at least {n} characters.</source>
      <translation>密码至少需要 {n} 个字符。</translation>
    </message>
    <message>
      <source>The present password is wrong.</source>
      <translation>当前密码不正确。</translation>
    </message>
    <message>
      <source>The reply deadline cannot be in the past.</source>
      <translation>回复时限不能早于现在。</translation>
    </message>
    <message>
      <source>The reply deadline is more than a year away.</source>
      <translation>回复时限不能超过一年。</translation>
    </message>
    <message>
      <source>The reply letter of slip {number} is {state}: only a draft is submitted for approval.</source>
      <translation>处理单 {number} 的答复信函状态为“{state}”：只有草稿才能提交审批。</translation>
    </message>
    <message>
      <source>The reply letter of slip {number} is {state}: only a letter submitted for approval can be approved or sent back.</source>
      <translation>处理单 {number} 的答复信函状态为“{state}”：只有已提交审批的信函才能批准或退回。</translation>
    </message>
    <message>
      <source>The schedule for {year} has no holiday at all.</source>
      <translation>{year} 年的安排中没有任何假日。</translation>
    </message>
    <message>
      <source>The text contains control characters; retype or paste it as plain text.</source>
      <translation>文字中含有控制字符，请重新输入，或以纯文本粘贴。</translation>
    </message>
    <message>
      <source>The text is empty.</source>
      <translation>文本为空。</translation>
    </message>
    <message>
      <source>The thanks after the letter was recorded on {at} already.</source>
      <translation>信函后的再次致谢已于 {at} 登记过了。</translation>
    </message>
    <message>
      <source>The time it was sent</source>
      <translation>寄出时间</translation>
    </message>
    <message>
      <source>The time it was sent up</source>
      <translation>报送时间</translation>
    </message>
    <message>
      <source>The time of the agreement</source>
      <translation>约定时间</translation>
    </message>
    <message>
      <source>The time of the reply</source>
      <translation>回复时间</translation>
    </message>
    <message>
      <source>The time of the thanks</source>
      <translation>致谢时间</translation>
    </message>
    <message>
      <source>The time received</source>
      <translation>受理时间</translation>
    </message>
    <message>
      <source>The time the customer was told</source>
      <translation>告知时间</translation>
    </message>
    <message>
      <source>The user name “{name}” is taken.</source>
      <translation>用户名“{name}”已被使用。</translation>
    </message>
    <message>
      <source>The visit at {at} is outside working hours and not at the time agreed with the customer ({agreed}).</source>
      <translation>{at} 的上门不在工作时间内，也不是与客户约定的时间（{agreed}）。</translation>
    </message>
    <message>
      <source>The weight is 1 to 9.</source>
      <translation>权重为 1 至 9。</translation>
    </message>
    <message>
      <source>The work ID contains control characters.</source>
      <translation>工号中含有控制字符。</translation>
    </message>
    <message>
      <source>There is an estate with the code {code} already.</source>
      <translation>已有代码为 {code} 的项目。</translation>
    </message>
    <message>
      <source>There is no active account “{name}”.</source>
      <translation>没有名为“{name}”的有效账号。</translation>
    </message>
    <message>
      <source>There is no estate with the code {code}: add it with slipdesk-admin estate add.</source>
      <translation>没有代码为 {code} 的项目：请先用 slipdesk-admin estate add 添加。</translation>
    </message>
    <message>
      <source>There is no font file at {path}.</source>
      <translation>找不到字体文件 {path}。</translation>
    </message>
    <message>
      <source>There is no setting “{key}”.</source>
      <translation>没有名为“{key}”的设置。</translation>
    </message>
    <message>
      <source>There is no slip with id {id}.</source>
      <translation>找不到编号为 {id} 的处理单。</translation>
    </message>
    <message>
      <source>There is no step called “{action}”.</source>
      <translation>没有名为“{action}”的处理步骤。</translation>
    </message>
    <message>
      <source>This account no longer exists.</source>
      <translation>此账号已不存在。</translation>
    </message>
    <message>
      <source>This comment-book entry does not exist.</source>
      <translation>该条意见簿留言不存在。</translation>
    </message>
    <message>
      <source>This comment-book entry has been dealt with already.</source>
      <translation>该条意见簿留言已经处理过了。</translation>
    </message>
    <message>
      <source>This database holds an estate's slips or accounts already: start the company on an empty database and bring a desk in with slipdesk-admin move.</source>
      <translation>该数据库已有处理单或账户：请在空数据库上建立公司数据库，再用 slipdesk-admin move 迁入前台。</translation>
    </message>
    <message>
      <source>This database holds real {what}: demo data and their accounts, whose password is public, are written only to a new database or a demo one. Nothing was changed; give another file with --db.</source>
      <translation>该数据库含有真实的{what}：演示数据及其公开密码的账号只能写入新数据库或演示数据库。未做任何改动；请用 --db 指定另一个文件。</translation>
    </message>
    <message>
      <source>This database was written by a newer Slipdesk (schema {found}, this program knows {latest}). Update Slipdesk before opening it.</source>
      <translation>该数据库由更新版本的 Slipdesk 写入（数据结构版本 {found}，本程序支持到 {latest}）。请先升级 Slipdesk 再打开。</translation>
    </message>
    <message>
      <source>This desk was moved into the company's database before. Nothing was moved.</source>
      <translation>该前台此前已迁入公司数据库。未迁移任何内容。</translation>
    </message>
    <message>
      <source>This field cannot be edited here.</source>
      <translation>此处不能修改该项。</translation>
    </message>
    <message>
      <source>This field is required.</source>
      <translation>此项必填。</translation>
    </message>
    <message>
      <source>This font cannot be embedded in a PDF: choose a TrueType font (.ttf or .ttc), not an OpenType/CFF one (.otf).</source>
      <translation>该字体无法嵌入 PDF：请选择 TrueType 字体（.ttf 或 .ttc），不要选 OpenType/CFF 字体（.otf）。</translation>
    </message>
    <message>
      <source>This font has no Chinese characters; choose a Chinese font such as SimSun or AR PL UMing.</source>
      <translation>该字体不含中文字符，请选择中文字体，如宋体或 AR PL UMing。</translation>
    </message>
    <message>
      <source>This is a file, not a folder.</source>
      <translation>这是一个文件，不是文件夹。</translation>
    </message>
    <message>
      <source>This is not a company database: run slipdesk-admin company init on it first.</source>
      <translation>这不是公司数据库：请先对其运行 slipdesk-admin company init。</translation>
    </message>
    <message>
      <source>This letter was sent on {at} already.</source>
      <translation>该信函已于 {at} 发出。</translation>
    </message>
    <message>
      <source>This resident was removed from the directory meanwhile.</source>
      <translation>该住户已在此期间从名录中删除。</translation>
    </message>
    <message>
      <source>This return visit is recorded already.</source>
      <translation>这次回访已经登记过了。</translation>
    </message>
    <message>
      <source>This value cannot be stored.</source>
      <translation>该值无法保存。</translation>
    </message>
    <message>
      <source>Too many failed attempts: the account is locked for {minutes} more.</source>
      <translation>登录失败次数过多，账户已锁定，请 {minutes}后再试。</translation>
    </message>
    <message>
      <source>Two different staff members, with two different work IDs.</source>
      <translation>须为两名不同的工作人员，工作证号也不能相同。</translation>
    </message>
    <message>
      <source>Two staff members make a home visit, each with a valid work ID (两名工作人员持有效工作证件): name the second one and their work ID number.</source>
      <translation>上门回复须由两名工作人员持有效工作证件进行：请填写第二位工作人员的姓名和工作证号。</translation>
    </message>
    <message>
      <source>USERNAME</source>
      <translation>用户名</translation>
    </message>
    <message>
      <source>Unknown motive kind.</source>
      <translation>未知的动机种类。</translation>
    </message>
    <message>
      <source>Unknown motive type.</source>
      <translation>未知的动机类型。</translation>
    </message>
    <message>
      <source>Unknown need.</source>
      <translation>未知的需求类型。</translation>
    </message>
    <message>
      <source>Unknown placeholder(s): {unknown}. Use {known}.</source>
      <translation>无法识别的占位符：{unknown}。可用的占位符：{known}。</translation>
    </message>
    <message>
      <source>Unknown role “{role}”.</source>
      <translation>未知的角色“{role}”。</translation>
    </message>
    <message>
      <source>Unknown temperament.</source>
      <translation>未知的客户性格类型。</translation>
    </message>
    <message>
      <source>We must reply later: record a phone number, unit, address or e-mail.</source>
      <translation>需要日后回复：请记录电话、房号、地址或电子邮箱。</translation>
    </message>
    <message>
      <source>What was answered on the spot is not recorded.</source>
      <translation>尚未记录当场答复的内容。</translation>
    </message>
    <message>
      <source>Which year? The text names none (…2027年部分节假日安排…): give the year.</source>
      <translation>是哪一年？文本中没有年份（……2027年部分节假日安排……）：请指定年份。</translation>
    </message>
    <message>
      <source>Write an amount in yuan with at most two decimals.</source>
      <translation>请填写金额（元），最多两位小数。</translation>
    </message>
    <message>
      <source>Write an amount in yuan, e.g. 150 or 150.50.</source>
      <translation>请填写金额（元），如 150 或 150.50。</translation>
    </message>
    <message>
      <source>Write down what the customer said.</source>
      <translation>请记录客户的意见。</translation>
    </message>
    <message>
      <source>Write down what was answered on the spot.</source>
      <translation>请记录当场答复的内容。</translation>
    </message>
    <message>
      <source>Write it on one line.</source>
      <translation>请写在一行内。</translation>
    </message>
    <message>
      <source>Write the agreed place.</source>
      <translation>请填写约定的地点。</translation>
    </message>
    <message>
      <source>Write the answer.</source>
      <translation>请填写答复口径的内容。</translation>
    </message>
    <message>
      <source>Write the closing time as HH:MM, e.g. 17:30.</source>
      <translation>请按“时：分”填写下班时间，如 17:30。</translation>
    </message>
    <message>
      <source>Write the letter.</source>
      <translation>请填写信函正文。</translation>
    </message>
    <message>
      <source>Write the number as people dial it, e.g. 021-58881234 or 400-820-1234.</source>
      <translation>请按拨打的方式填写号码，如 021-58881234 或 400-820-1234。</translation>
    </message>
    <message>
      <source>Write the opening time as HH:MM, e.g. 08:30.</source>
      <translation>请按“时：分”填写上班时间，如 08:30。</translation>
    </message>
    <message>
      <source>Write the phrase (up to 64 characters).</source>
      <translation>请填写忌语（不超过 64 字）。</translation>
    </message>
    <message>
      <source>Write the root cause the whys lead to.</source>
      <translation>请填写追问得出的根本原因。</translation>
    </message>
    <message>
      <source>Write the time as HH:MM, e.g. 10:00.</source>
      <translation>请按“时：分”填写时间，如 10:00。</translation>
    </message>
    <message>
      <source>Write the unit as building-entrance-room, e.g. 3-2-1201.</source>
      <translation>房号请按“楼-单元-室”填写，如 3-2-1201。</translation>
    </message>
    <message>
      <source>Write what is done so that it does not happen again.</source>
      <translation>请填写防止再次发生的纠正预防措施。</translation>
    </message>
    <message>
      <source>Write what the customer was told about the handling.</source>
      <translation>请记录向客户告知的处理进展。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>You asked for the escalation of slip {number}: another person in charge must confirm it (even from a supervisor account).</source>
      <translation>处理单 {number} 是您本人提请上报的：须由另一位负责人确认（即使您另有负责人账户也不行）。</translation>
    </message>
    <message>
      <source>You cannot deactivate your own account: another manager can.</source>
      <translation>不能停用自己的账号，请由另一位经理操作。</translation>
    </message>
    <message>
      <source>You wrote this letter: another person in charge must approve it (even from a supervisor account).</source>
      <translation>这封信函是您写的：须由另一位负责人批准（即使您另有负责人账户也不行）。</translation>
    </message>
    <message>
      <source>`slip` only: every open slip, in number order, as one PDF</source>
      <translation>仅用于 `slip`：所有未结案的处理单按编号顺序合成一个 PDF</translation>
    </message>
    <message>
      <source>a .csv file</source>
      <translation>.csv 文件</translation>
    </message>
    <message>
      <source>a .csv table</source>
      <translation>.csv 表格</translation>
    </message>
    <message>
      <source>a PostgreSQL server, as a superuser (the bench database is made there)</source>
      <translation>PostgreSQL 服务器，以超级用户身份连接（测试数据库建在那里）</translation>
    </message>
    <message>
      <source>a file</source>
      <translation>某个文件</translation>
    </message>
    <message>
      <source>a month (2026-11) or an ISO week (2026-W47)</source>
      <translation>一个月（2026-11）或一个 ISO 周（2026-W47）</translation>
    </message>
    <message>
      <source>a short code: letters, digits, - or _</source>
      <translation>简短代码：字母、数字、- 或 _</translation>
    </message>
    <message>
      <source>a slip number is written like TS-2026-000123.</source>
      <translation>处理单编号应写成 TS-2026-000123 这样。</translation>
    </message>
    <message>
      <source>a year's holidays and make-up working days, and where they came from</source>
      <translation>某一年的节假日和调休上班日，以及它们的来源</translation>
    </message>
    <message>
      <source>account “{name}” was added without an event</source>
      <translation>账号“{name}”未经记录即被添加</translation>
    </message>
    <message>
      <source>account “{name}” was removed without an event</source>
      <translation>账号“{name}”未经记录即被删除</translation>
    </message>
    <message>
      <source>account “{name}”: {column} was changed without an event ({was} → {now})</source>
      <translation>账号“{name}”：{column} 未经记录即被修改（{was} → {now}）</translation>
    </message>
    <message>
      <source>accounts</source>
      <translation>账号</translation>
    </message>
    <message>
      <source>add a head-office database login</source>
      <translation>增加一个总部数据库登录名</translation>
    </message>
    <message>
      <source>add an account</source>
      <translation>添加账号</translation>
    </message>
    <message>
      <source>add an estate and its database login</source>
      <translation>增加一个项目及其数据库登录名</translation>
    </message>
    <message>
      <source>also write the anchor to FILE</source>
      <translation>同时把锚点写入该文件</translation>
    </message>
    <message>
      <source>also: {broken}</source>
      <translation>另有：{broken}</translation>
    </message>
    <message>
      <source>an .ics calendar</source>
      <translation>.ics 日历</translation>
    </message>
    <message>
      <source>an .ics file</source>
      <translation>.ics 文件</translation>
    </message>
    <message>
      <source>an anchor file taken earlier (a backup's, the desk's own)</source>
      <translation>先前记录的锚点文件（备份附带的或前台自己的）</translation>
    </message>
    <message>
      <source>an argument holds characters that are not text; nothing was changed.</source>
      <translation>参数中含有无法识别的字符；未做任何改动。</translation>
    </message>
    <message>
      <source>anchor of {at}, {slips:,} slips, fingerprint {fingerprint}</source>
      <translation>{at} 的锚点，{slips:,} 张处理单，指纹 {fingerprint}</translation>
    </message>
    <message>
      <source>anchored: {anchor}</source>
      <translation>已记录锚点：{anchor}</translation>
    </message>
    <message>
      <source>and {slips} more through the desk's last working days</source>
      <translation>另有 {slips}按前台最近几个工作日写入</translation>
    </message>
    <message>
      <source>approve a reply letter</source>
      <translation>批准答复信函</translation>
    </message>
    <message>
      <source>attachment {id} ({name}): its bytes no longer match their recorded hash</source>
      <translation>附件 {id}（{name}）：内容与记录的哈希值不符</translation>
    </message>
    <message>
      <source>audit log event {seq}: {problem}</source>
      <translation>审计日志第 {seq} 条：{problem}</translation>
    </message>
    <message>
      <source>backed up {slips} to {target} ({size:,} bytes), verified, in {seconds:.1f} s</source>
      <translation>已将 {slips}备份到 {target}（{size:,} 字节），已校验，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <source>backed up {where} to {target} ({size:,} bytes), verified (pg_restore --list), in {seconds:.1f} s</source>
      <translation>已将 {where} 备份到 {target}（{size:,} 字节），已校验（pg_restore --list），用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <source>baseline</source>
      <translation>基线</translation>
    </message>
    <message>
      <source>batch print of {count:,} slips as one PDF (read, render, log), s</source>
      <translation>{count:,} 张处理单合成一个 PDF 成批打印（读取、排版、记录），秒</translation>
    </message>
    <message>
      <source>build the demo database ({slips:,} slips, history, search index)</source>
      <translation>生成演示数据库（{slips:,} 张处理单，含经过和搜索索引）</translation>
    </message>
    <message>
      <source>build: {estates}, {slips} (one desk moved in, copied {copies}×)</source>
      <translation>建库：{estates}，{slips}（迁入一个前台，复制 {copies} 次）</translation>
    </message>
    <message>
      <source>building {path} with {slips} …</source>
      <translation>正在生成 {path}，共 {slips}……</translation>
    </message>
    <message>
      <source>built in {total:.0f} s (demo desk {built:.0f} s, move {moved:.0f} s, copies {copies:.0f} s)</source>
      <translation>建成用时 {total:.0f} 秒（演示前台 {built:.0f} 秒，迁入 {moved:.0f} 秒，复制 {copies:.0f} 秒）</translation>
    </message>
    <message>
      <source>call a manager to the desk</source>
      <translation>通知管理人员到场</translation>
    </message>
    <message>
      <source>cannot read {file}: {problem}</source>
      <translation>无法读取 {file}：{problem}</translation>
    </message>
    <message>
      <source>carries no facts though the events before it do (written around Slipdesk)</source>
      <translation>此前的记录都记载了内容，这条却没有（绕过 Slipdesk 写入）</translation>
    </message>
    <message>
      <source>change a slip</source>
      <translation>修改处理单</translation>
    </message>
    <message>
      <source>change an account</source>
      <translation>修改账号</translation>
    </message>
    <message>
      <source>change the authority rules</source>
      <translation>更改处理权限规则</translation>
    </message>
    <message>
      <source>change the categories</source>
      <translation>更改投诉类别</translation>
    </message>
    <message>
      <source>change the departments</source>
      <translation>更改部门</translation>
    </message>
    <message>
      <source>change the desk's settings</source>
      <translation>更改前台设置</translation>
    </message>
    <message>
      <source>change the idle lock and the backups</source>
      <translation>更改自动锁屏和备份设置</translation>
    </message>
    <message>
      <source>change the letterhead</source>
      <translation>更改信头</translation>
    </message>
    <message>
      <source>change the motive rules</source>
      <translation>更改投诉动机规则</translation>
    </message>
    <message>
      <source>change the office hours</source>
      <translation>更改办公时间</translation>
    </message>
    <message>
      <source>change the resident directory</source>
      <translation>更改住户名录</translation>
    </message>
    <message>
      <source>change the responsible people</source>
      <translation>更改责任人</translation>
    </message>
    <message>
      <source>change the words never to say</source>
      <translation>更改服务忌语</translation>
    </message>
    <message>
      <source>change the working calendar</source>
      <translation>更改工作日历</translation>
    </message>
    <message>
      <source>change when a slip needs a progress update</source>
      <translation>更改进展告知提醒</translation>
    </message>
    <message>
      <source>change when the calendar warning starts</source>
      <translation>更改日历提醒的开始日期</translation>
    </message>
    <message>
      <source>change when the comment book is checked</source>
      <translation>更改意见簿查阅时间</translation>
    </message>
    <message>
      <source>change-counter reads</source>
      <translation>变更计数读取</translation>
    </message>
    <message>
      <source>check every row and show the column mapping, import nothing</source>
      <translation>只检查每一行并显示列的对应关系，不导入</translation>
    </message>
    <message>
      <source>check every slip's history (a hash chain) and the facts its events carry, the accounts and settings (the desk's own chain), the slip numbers issued, and with --anchor that nothing was rewound since an anchor taken outside the database: report the first event edited, inserted or deleted in each history, each fact changed without an event, and any slip deleted whole (exit 1 when one is found)</source>
      <translation>检查每张处理单的经过（哈希链）及其记录所载的内容、账号和设置（前台自己的记录链）、已发出的编号；给出 --anchor 时还检查自数据库外的锚点以来有无回退：报告每条经过中第一条被改动、插入或删除的记录、每项未经记录的改动，以及被整张删除的处理单（发现问题时退出码为 1）</translation>
    </message>
    <message>
      <source>column set {ident}</source>
      <translation>字段清单 {ident}</translation>
    </message>
    <message>
      <source>column {n}</source>
      <translation>第 {n} 列</translation>
    </message>
    <message>
      <source>columns: {columns}</source>
      <translation>列：{columns}</translation>
    </message>
    <message>
      <source>company review, every estate compared ({month})</source>
      <translation>公司总结，各项目对比（{month}）</translation>
    </message>
    <message>
      <source>content edited after it was recorded</source>
      <translation>记录后内容被改动</translation>
    </message>
    <message>
      <source>copy the database off this desk (it holds residents' phones and addresses)</source>
      <translation>将数据库复制出本前台（其中含住户电话和地址）</translation>
    </message>
    <message>
      <source>copy the database, while desks work on it, to a file and check the copy before calling it a backup, sealed with its content's digests and its anchor (SQLite: the online backup API; PostgreSQL: pg_dump, read back with pg_restore --list)</source>
      <translation>在各前台照常使用时把数据库复制到文件，并在检查副本无误后才算作备份，附有其内容摘要和锚点（SQLite：在线备份接口；PostgreSQL：pg_dump，再用 pg_restore --list 读回检查）</translation>
    </message>
    <message>
      <source>correct a slip</source>
      <translation>修改处理单</translation>
    </message>
    <message>
      <source>correct a slip that is {status}</source>
      <translation>修改“{status}”的处理单</translation>
    </message>
    <message>
      <source>dashboard counts</source>
      <translation>今日概览计数</translation>
    </message>
    <message>
      <source>dashboard counts (every section a supervisor sees)</source>
      <translation>今日概览的计数（负责人看到的每一栏）</translation>
    </message>
    <message>
      <source>database size per 1,000 slips ({gb:,.2f} GB for {slips:,})</source>
      <translation>每 1,000 张处理单的数据库大小（{slips:,} 张共 {gb:,.2f} GB）</translation>
    </message>
    <message>
      <source>deactivate an account</source>
      <translation>停用账号</translation>
    </message>
    <message>
      <source>deal with comment-book entries</source>
      <translation>处理意见簿留言</translation>
    </message>
    <message>
      <source>demo accounts (password {password}): {names}</source>
      <translation>演示账户（密码 {password}）：{names}</translation>
    </message>
    <message>
      <source>do this</source>
      <translation>执行此操作</translation>
    </message>
    <message>
      <source>does NOT extend the anchor</source>
      <translation>与锚点不符</translation>
    </message>
    <message>
      <source>does not follow the previous event (inserted or reordered)</source>
      <translation>与上一条记录接不上（被插入或调换了顺序）</translation>
    </message>
    <message>
      <source>draft a reply letter</source>
      <translation>起草答复信函</translation>
    </message>
    <message>
      <source>estate {code} ({name}) added; its desks connect with: {url}</source>
      <translation>已添加项目 {code}（{name}）；其前台连接地址：{url}</translation>
    </message>
    <message>
      <source>estates in the company (default 20)</source>
      <translation>公司的项目数（默认 20）</translation>
    </message>
    <message>
      <source>event inserted</source>
      <translation>记录被插入</translation>
    </message>
    <message>
      <source>event missing (deleted)</source>
      <translation>记录缺失（已被删除）</translation>
    </message>
    <message>
      <source>export complainants' names and complaints</source>
      <translation>导出投诉人姓名和投诉内容</translation>
    </message>
    <message>
      <source>export personal data (phones, addresses)</source>
      <translation>导出个人信息（电话、地址）</translation>
    </message>
    <message>
      <source>export the review</source>
      <translation>导出总结检讨</translation>
    </message>
    <message>
      <source>extends the anchor</source>
      <translation>与锚点相符并在其后延续</translation>
    </message>
    <message>
      <source>fax</source>
      <translation>传真</translation>
    </message>
    <message>
      <source>figure</source>
      <translation>指标</translation>
    </message>
    <message>
      <source>give a slip number.</source>
      <translation>请给出处理单编号。</translation>
    </message>
    <message>
      <source>give slip numbers or --all-open, not both.</source>
      <translation>请给出处理单编号或 --all-open，不能两者都给。</translation>
    </message>
    <message>
      <source>head office connects with: {url}</source>
      <translation>总部连接地址：{url}</translation>
    </message>
    <message>
      <source>head office's queue, every estate's escalations ({queued:,})</source>
      <translation>总部的上报事项，全部项目的上报件（{queued:,}）</translation>
    </message>
    <message>
      <source>holiday</source>
      <translation>放假</translation>
    </message>
    <message>
      <source>how many slips (default 300)</source>
      <translation>处理单张数（默认 300）</translation>
    </message>
    <message>
      <source>idle desk: CPU time per minute ({s:.0f} s watched)</source>
      <translation>空闲前台：每分钟 CPU 时间（观察 {s:.0f} 秒）</translation>
    </message>
    <message>
      <source>idle desk: database queries per minute (dashboard timer, deadline watch …)</source>
      <translation>空闲前台：每分钟数据库查询次数（今日概览定时刷新、时限提醒……）</translation>
    </message>
    <message>
      <source>idle desk: live feed's own looks per minute ({looks})</source>
      <translation>空闲前台：实时更新本身每分钟查看次数（{looks}）</translation>
    </message>
    <message>
      <source>import the estate's units and residents from an .xlsx or .csv file: every row is checked first, and with any problem nothing is imported and the problems are listed row by row; a resident already in the directory (same unit and name) is updated, not added twice</source>
      <translation>从 .xlsx 或 .csv 文件导入本小区的房屋和住户：先逐行检查，只要有一处问题就一行也不导入，并逐行列出问题；目录中已有的住户（房号和姓名相同）会被更新，不会重复添加</translation>
    </message>
    <message>
      <source>import the resident directory</source>
      <translation>导入住户名录</translation>
    </message>
    <message>
      <source>imported {rows}: {units}, {added} added, {updated} updated</source>
      <translation>已导入 {rows}：新增 {units}，新增住户 {added}，更新住户 {updated}</translation>
    </message>
    <message>
      <source>it changes facts never recorded whole</source>
      <translation>它修改的内容此前从未完整记录</translation>
    </message>
    <message>
      <source>its facts cannot be read</source>
      <translation>其记载的内容无法读取</translation>
    </message>
    <message>
      <source>its list of names was edited</source>
      <translation>其字段名单被改动</translation>
    </message>
    <message>
      <source>its password (default: a new one, printed)</source>
      <translation>其密码（默认：新生成一个并打印出来）</translation>
    </message>
    <message>
      <source>its record of the slip names a column set that is missing or was edited</source>
      <translation>其处理单记录所引用的字段清单缺失或被改动</translation>
    </message>
    <message>
      <source>its slip numbers' prefix (default TS: TS-2026-000001)</source>
      <translation>其处理单编号前缀（默认 TS：TS-2026-000001）</translation>
    </message>
    <message>
      <source>kept in {path}</source>
      <translation>保存在 {path}</translation>
    </message>
    <message>
      <source>letter</source>
      <translation>信函</translation>
    </message>
    <message>
      <source>line {line}</source>
      <translation>第 {line} 行</translation>
    </message>
    <message>
      <source>list the estates</source>
      <translation>列出各项目</translation>
    </message>
    <message>
      <source>make a history key (HMAC) kept outside the database and sign every chain with it</source>
      <translation>生成保存在数据库之外的历史密钥（HMAC），并用它签署每条记录链</translation>
    </message>
    <message>
      <source>make an empty PostgreSQL database a company database, with a head-office login</source>
      <translation>将空的 PostgreSQL 数据库建为公司数据库，并建立总部登录名</translation>
    </message>
    <message>
      <source>make-up working day</source>
      <translation>调休上班日</translation>
    </message>
    <message>
      <source>map a column to the resident's name</source>
      <translation>请指定住户姓名所在的列</translation>
    </message>
    <message>
      <source>map a unit column (3-2-1201) or building, entrance and room</source>
      <translation>请指定房号列（3-2-1201），或楼栋、单元、室三列</translation>
    </message>
    <message>
      <source>marked by a manager</source>
      <translation>经理逐日标记</translation>
    </message>
    <message>
      <source>measure start-up, saving, search, the slip list, the dashboard, the review and printing on a big database and print one table of figures against their targets (exit 1 when one is missed). Without --db it works on {path} (N: --slips), a demo database of N slips built first when it does not exist; with --db postgresql://… the same table on PostgreSQL, its slips built first when the database has none</source>
      <translation>在大数据库上测量启动、保存、搜索、处理单列表、今日概览、总结和打印的速度，并按目标列出一张表（有未达标项时退出码为 1）。不给 --db 时使用 {path}（N 即 --slips）：其中有 N 张演示处理单，不存在时先生成；给 --db postgresql://… 时在 PostgreSQL 上测量同一张表，数据库中没有处理单时先生成</translation>
    </message>
    <message>
      <source>memory, slip list open and scrolled to the end ({rows:,} rows)</source>
      <translation>内存：处理单列表打开并滚动到底（{rows:,} 行）</translation>
    </message>
    <message>
      <source>met</source>
      <translation>达标</translation>
    </message>
    <message>
      <source>monthly review</source>
      <translation>月度总结</translation>
    </message>
    <message>
      <source>monthly review aggregation ({month})</source>
      <translation>月度总结统计（{month}）</translation>
    </message>
    <message>
      <source>move a one-desk SQLite estate into a company database</source>
      <translation>将单机 SQLite 项目迁入公司数据库</translation>
    </message>
    <message>
      <source>move a reply deadline</source>
      <translation>变更回复时限</translation>
    </message>
    <message>
      <source>moved {slips} into estate {estate}, every history chain verified ({moved})</source>
      <translation>已将 {slips}迁入项目 {estate}，全部历史记录链校验通过（{moved}）</translation>
    </message>
    <message>
      <source>name it for every desk and command: {name}={path}</source>
      <translation>请在每个前台和命令的环境中指定：{name}={path}</translation>
    </message>
    <message>
      <source>new: make a key file and sign with it</source>
      <translation>new：生成密钥文件并用它签署</translation>
    </message>
    <message>
      <source>no active manager account {name}: the change is recorded under a manager's name (--as USERNAME)</source>
      <translation>没有在用的经理账户 {name}：日历的更改须记在经理名下（--as 用户名）</translation>
    </message>
    <message>
      <source>no active manager account {name}: the import is recorded under a manager's name (--as USERNAME)</source>
      <translation>没有在用的经理账户 {name}：导入须记录在一位经理名下（--as 用户名）</translation>
    </message>
    <message>
      <source>no day changes</source>
      <translation>没有日期变化</translation>
    </message>
    <message>
      <source>no event records the slip's facts: its history does not prove what it holds</source>
      <translation>没有任何记录载明处理单的内容：其历史无法证明现存内容</translation>
    </message>
    <message>
      <source>no open slips in this database.</source>
      <translation>本数据库中没有未结的处理单。</translation>
    </message>
    <message>
      <source>no slip numbered {number!r} in this database.</source>
      <translation>此数据库中没有编号为 {number!r} 的处理单。</translation>
    </message>
    <message>
      <source>no slip numbered {number} in this database.</source>
      <translation>本数据库中没有编号为 {number} 的处理单。</translation>
    </message>
    <message>
      <source>no such column in the file</source>
      <translation>文件中没有这一列</translation>
    </message>
    <message>
      <source>not drafted</source>
      <translation>尚未起草</translation>
    </message>
    <message>
      <source>not signed with the history key: the chain was recomputed without it</source>
      <translation>未用历史密钥签名：记录链是在没有密钥的情况下重新计算的</translation>
    </message>
    <message>
      <source>nothing imported: {errors} in {rows}</source>
      <translation>未导入：{rows}中有 {errors}</translation>
    </message>
    <message>
      <source>nothing saved</source>
      <translation>未保存</translation>
    </message>
    <message>
      <source>nothing saved (--dry-run)</source>
      <translation>未保存（--dry-run）</translation>
    </message>
    <message>
      <source>nothing saved: {problems} in {file}</source>
      <translation>未保存：{file} 中有 {problems}</translation>
    </message>
    <message>
      <source>notifications read</source>
      <translation>读取的通知</translation>
    </message>
    <message>
      <source>off {days}</source>
      <translation>放假 {days}</translation>
    </message>
    <message>
      <source>off {days} ({count})</source>
      <translation>放假 {days}（共 {count}）</translation>
    </message>
    <message>
      <source>one estate's dashboard counts (a supervisor's)</source>
      <translation>单个项目的今日页面计数（负责人的）</translation>
    </message>
    <message>
      <source>one estate's own review from head office ({month})</source>
      <translation>总部查看单个项目自己的总结（{month}）</translation>
    </message>
    <message>
      <source>one estate's own review instead</source>
      <translation>改为输出该项目自己的总结</translation>
    </message>
    <message>
      <source>one estate's search, first page, p50 of {size}</source>
      <translation>单个项目的搜索，第一页，{size} 的 p50</translation>
    </message>
    <message>
      <source>one estate's search, first page, p95 of {size}</source>
      <translation>单个项目的搜索，第一页，{size} 的 p95</translation>
    </message>
    <message>
      <source>one estate's slip list, first 100 rows ({slips:,} of its slips)</source>
      <translation>单个项目的处理单列表，前 100 行（本项目 {slips:,} 张）</translation>
    </message>
    <message>
      <source>only the handling slip prints in a batch; give one number for {kind}.</source>
      <translation>只有处理单可以成批打印；{kind} 请只给一个编号。</translation>
    </message>
    <message>
      <source>open slips whose agreed deadlines this moves (review each with the customer; the agreed deadline stays until moved):</source>
      <translation>此更改影响以下未结处理单的约定时限（请逐一与客户确认；约定时限在变更登记前保持不变）：</translation>
    </message>
    <message>
      <source>open the slip list (page built, first 100 rows painted)</source>
      <translation>打开处理单列表（页面建成，前 100 行画出）</translation>
    </message>
    <message>
      <source>pasted notice text</source>
      <translation>粘贴的通知文本</translation>
    </message>
    <message>
      <source>pg_dump failed: {error}</source>
      <translation>pg_dump 执行失败：{error}</translation>
    </message>
    <message>
      <source>print one of a slip's documents to a PDF file and log the print on the slip's history; KIND is one of: {kinds}</source>
      <translation>把处理单的一种文档打印成 PDF 文件，并在处理单的经过中记下这次打印；种类为：{kinds}</translation>
    </message>
    <message>
      <source>print the version and exit</source>
      <translation>显示版本号后退出</translation>
    </message>
    <message>
      <source>print what would change; save nothing</source>
      <translation>只显示将会更改的内容，不保存</translation>
    </message>
    <message>
      <source>printouts</source>
      <translation>打印</translation>
    </message>
    <message>
      <source>random seed: the same seed writes the same data</source>
      <translation>随机种子：种子相同，数据相同</translation>
    </message>
    <message>
      <source>ratio</source>
      <translation>倍数</translation>
    </message>
    <message>
      <source>reactivate an account</source>
      <translation>重新启用账号</translation>
    </message>
    <message>
      <source>read FIELD from the column headed HEADING, when the headings are not recognised by themselves; FIELD is one of {fields}; repeat for several columns</source>
      <translation>当列标题无法自动识别时，从标题为“列标题”的列读取“字段”；字段为 {fields} 之一；多列可重复使用</translation>
    </message>
    <message>
      <source>read as {kind} for {year}:</source>
      <translation>按{kind}读取，年份 {year}：</translation>
    </message>
    <message>
      <source>record a cause analysis</source>
      <translation>登记原因分析</translation>
    </message>
    <message>
      <source>record a progress update</source>
      <translation>登记进展告知</translation>
    </message>
    <message>
      <source>record every chain's head and the counters outside the database (its anchor file)</source>
      <translation>把每条记录链的最新哈希和计数记录在数据库之外（其锚点文件）</translation>
    </message>
    <message>
      <source>record the comment-book check</source>
      <translation>登记意见簿查阅</translation>
    </message>
    <message>
      <source>record the customer's agreement to calls</source>
      <translation>登记客户同意非工作时间来电</translation>
    </message>
    <message>
      <source>record the customer's opinion</source>
      <translation>登记客户意见</translation>
    </message>
    <message>
      <source>record the thanks after a letter</source>
      <translation>登记再次致谢</translation>
    </message>
    <message>
      <source>replace the database with a backup: the backup is verified first (its seal, every history, the anchor it carries), and the database it replaces is kept beside it (…before-restore-…); close every desk working on it first</source>
      <translation>用备份替换数据库：先校验备份（其封签、每条历史记录及其锚点），被替换的数据库保留在旁边（…before-restore-…）；请先关闭使用该数据库的所有前台</translation>
    </message>
    <message>
      <source>reply letter with embedded CJK subset, ms (baseline: minimal reportlab doc)</source>
      <translation>嵌入中文字体子集的答复信函，毫秒（基线：最简 reportlab 文档）</translation>
    </message>
    <message>
      <source>reset a password</source>
      <translation>重置密码</translation>
    </message>
    <message>
      <source>restored {file} into {target} in {seconds:.1f} s</source>
      <translation>已将 {file} 恢复到 {target}，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <source>restored {slips} from {file} into {target} in {seconds:.1f} s</source>
      <translation>已从 {file} 恢复 {slips}到 {target}，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <source>result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>row {row}, {column}: {message}</source>
      <translation>第 {row} 行，{column}：{message}</translation>
    </message>
    <message>
      <source>save a year from the notice's text, an .ics or a .csv file (all or nothing)</source>
      <translation>从通知文本、.ics 或 .csv 文件保存一年（全部保存或全不保存）</translation>
    </message>
    <message>
      <source>save on one desk → shown on the other's open views, median of {n}</source>
      <translation>一台前台保存 → 另一台已打开的页面显示，{n} 次的中位数</translation>
    </message>
    <message>
      <source>save on one desk → shown on the other's open views, worst of {n}</source>
      <translation>一台前台保存 → 另一台已打开的页面显示，{n} 次中最慢</translation>
    </message>
    <message>
      <source>save one slip (durable, history event, search index) vs raw {driver} insert+commit</source>
      <translation>保存一张处理单（持久写入、经过记录、搜索索引），对比直接 {driver} 插入并提交</translation>
    </message>
    <message>
      <source>saved {year}: {days}</source>
      <translation>已保存 {year} 年：{days}</translation>
    </message>
    <message>
      <source>saves timed one at a time (default {n})</source>
      <translation>逐次计时的保存次数（默认 {n}）</translation>
    </message>
    <message>
      <source>saving a slip</source>
      <translation>保存处理单</translation>
    </message>
    <message>
      <source>sealed with its {anchor}</source>
      <translation>附有其{anchor}</translation>
    </message>
    <message>
      <source>search</source>
      <translation>搜索</translation>
    </message>
    <message>
      <source>search index per 1,000 slips ({share:.0%} of the database)</source>
      <translation>每 1,000 张处理单的搜索索引（占数据库 {share:.0%}）</translation>
    </message>
    <message>
      <source>search, first page (newest 50), p50 of {what}</source>
      <translation>搜索首页（最新 50 条），{what} 的 p50</translation>
    </message>
    <message>
      <source>search, first page (newest 50), p95 of {what}</source>
      <translation>搜索首页（最新 50 条），{what} 的 p95</translation>
    </message>
    <message>
      <source>search, first page, worst of {what}: {probe}</source>
      <translation>搜索首页，{what} 中最慢：{probe}</translation>
    </message>
    <message>
      <source>search, rare terms: full LIKE scan ÷ index, page and total (least: {text})</source>
      <translation>搜索罕见词：LIKE 全表扫描 ÷ 索引，首页和总数（最小：{text}）</translation>
    </message>
    <message>
      <source>search, total matches, p95 of {what}</source>
      <translation>搜索匹配总数，{what} 的 p95</translation>
    </message>
    <message>
      <source>search, total matches, slowest of {what} (in the background): {probe}</source>
      <translation>搜索匹配总数，{what} 中最慢（后台计数）：{probe}</translation>
    </message>
    <message>
      <source>seconds the second desk is watched idle (default {s:.0f})</source>
      <translation>观察第二台前台空闲的秒数（默认 {s:.0f}）</translation>
    </message>
    <message>
      <source>see the staff accounts</source>
      <translation>查看员工账号</translation>
    </message>
    <message>
      <source>send a reply letter</source>
      <translation>发出答复信函</translation>
    </message>
    <message>
      <source>send a reply letter back</source>
      <translation>退回答复信函</translation>
    </message>
    <message>
      <source>set up a company database of many estates (PostgreSQL)</source>
      <translation>建立多个项目共用的公司数据库（PostgreSQL）</translation>
    </message>
    <message>
      <source>setting {key} was changed without an event ({was} → {now})</source>
      <translation>设置 {key} 未经记录即被修改（{was} → {now}）</translation>
    </message>
    <message>
      <source>sign the history with a key</source>
      <translation>用密钥签署历史记录</translation>
    </message>
    <message>
      <source>signed with history key {ident}, which this check was not given: name its file (SLIPDESK_HISTORY_KEY, or verify --key FILE)</source>
      <translation>由历史密钥 {ident} 签名，而本次校验未取得该密钥：请指定密钥文件（SLIPDESK_HISTORY_KEY，或 verify --key 文件）</translation>
    </message>
    <message>
      <source>signed {count:,} slips and the desk's chain with the key {ident}, written to {path}</source>
      <translation>已用密钥 {ident} 签署 {count:,} 张处理单和前台记录链，密钥写入 {path}</translation>
    </message>
    <message>
      <source>size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>slip {number} is gone (it was there at the anchor)</source>
      <translation>处理单 {number} 不见了（锚点时还在）</translation>
    </message>
    <message>
      <source>slip {number} is missing (deleted with its history)</source>
      <translation>处理单 {number} 缺失（连同其记录被删除）</translation>
    </message>
    <message>
      <source>slip {number} is not in the anchor, though its number was issued before it (put in afterwards)</source>
      <translation>处理单 {number} 不在锚点中，但其编号在锚点之前已发出（事后放入）</translation>
    </message>
    <message>
      <source>slip {number} was put in another slip's place (renumbered)</source>
      <translation>处理单 {number} 被换到了另一张处理单的位置（重新编号）</translation>
    </message>
    <message>
      <source>slip {number} was rewound: {then} events at the anchor, {now} now</source>
      <translation>处理单 {number} 被回退：锚点时有 {then} 条记录，现在只有 {now} 条</translation>
    </message>
    <message>
      <source>slip {number}'s history was rewritten at or before its event {seq} (recomputed after the anchor)</source>
      <translation>处理单 {number} 的记录在第 {seq} 条或之前被改写（锚点之后重新计算过）</translation>
    </message>
    <message>
      <source>slip {then} is now numbered {now} (renumbered)</source>
      <translation>处理单 {then} 现在编号为 {now}（重新编号）</translation>
    </message>
    <message>
      <source>slipdesk-admin {command}: interrupted</source>
      <translation>slipdesk-admin {command}：已中断</translation>
    </message>
    <message>
      <source>slipdesk-admin {command}: unexpected error: {err} (details in {log})</source>
      <translation>slipdesk-admin {command}：意外错误：{err}（详情见 {log}）</translation>
    </message>
    <message>
      <source>slips</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>slips in all (default 2,000,000)</source>
      <translation>处理单总数（默认 2,000,000）</translation>
    </message>
    <message>
      <source>slips in the demo database built when the database has none (default {n:,})</source>
      <translation>数据库中没有处理单时生成的演示处理单张数（默认 {n:,}）</translation>
    </message>
    <message>
      <source>staff accounts and settings: {problem}</source>
      <translation>员工账号和设置：{problem}</translation>
    </message>
    <message>
      <source>start-up</source>
      <translation>启动</translation>
    </message>
    <message>
      <source>start-up to the shown main window (bare PySide6 window)</source>
      <translation>启动到主窗口显示（基线：空白 PySide6 窗口）</translation>
    </message>
    <message>
      <source>submit a reply letter</source>
      <translation>提交答复信函</translation>
    </message>
    <message>
      <source>take down a complaint</source>
      <translation>登记投诉</translation>
    </message>
    <message>
      <source>target</source>
      <translation>目标</translation>
    </message>
    <message>
      <source>the .xlsx or .csv file</source>
      <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
      <source>the CSV file</source>
      <translation>CSV 文件</translation>
    </message>
    <message>
      <source>the State Council's notice</source>
      <translation>国务院办公厅通知</translation>
    </message>
    <message>
      <source>the audit log was rewound: {then} events at the anchor, {now} now</source>
      <translation>审计日志被回退：锚点时有 {then} 条，现在只有 {now} 条</translation>
    </message>
    <message>
      <source>the audit log was rewritten at or before its event {seq} (recomputed after the anchor)</source>
      <translation>审计日志在第 {seq} 条或之前被改写（锚点之后重新计算过）</translation>
    </message>
    <message>
      <source>the backup to restore</source>
      <translation>要恢复的备份</translation>
    </message>
    <message>
      <source>the chinese-calendar package</source>
      <translation>chinese-calendar 软件包</translation>
    </message>
    <message>
      <source>the company database</source>
      <translation>公司数据库</translation>
    </message>
    <message>
      <source>the company database (head office's login or the owner: every estate; an estate's login: its own)</source>
      <translation>公司数据库（总部登录名或所有者：全部项目；项目登录名：仅本项目）</translation>
    </message>
    <message>
      <source>the company database, as its owner</source>
      <translation>公司数据库，以其所有者身份连接</translation>
    </message>
    <message>
      <source>the company database, opened as its owner</source>
      <translation>公司数据库，以其所有者身份打开</translation>
    </message>
    <message>
      <source>the company's figures: many estates on one PostgreSQL database</source>
      <translation>公司的性能数字：多个项目共用一个 PostgreSQL 数据库</translation>
    </message>
    <message>
      <source>the company's name, on head office's screens and printouts</source>
      <translation>公司名称，显示在总部的界面和打印件上</translation>
    </message>
    <message>
      <source>the company's review comparing its estates (or one estate's own review with --estate) as PDF or XLSX</source>
      <translation>公司各项目对比总结（或用 --estate 输出某一项目自己的总结），PDF 或 XLSX</translation>
    </message>
    <message>
      <source>the database it replaced is kept as {kept}</source>
      <translation>被替换的数据库保留为 {kept}</translation>
    </message>
    <message>
      <source>the database login to create (default: DATABASE_CODE)</source>
      <translation>要建立的数据库登录名（默认：数据库名_代码）</translation>
    </message>
    <message>
      <source>the database: a SQLite file or a postgresql:// URL (default: {path})</source>
      <translation>数据库：SQLite 文件或 postgresql:// 地址（默认：{path}）</translation>
    </message>
    <message>
      <source>the desk's SQLite file (read from a copy, never changed)</source>
      <translation>前台的 SQLite 文件（从副本读取，原文件不作改动）</translation>
    </message>
    <message>
      <source>the document's language (default: the estate's printing language, zh unless a manager changed it)</source>
      <translation>文档的语言（默认：本项目的打印语言，经理未更改时为 zh）</translation>
    </message>
    <message>
      <source>the envelope's size for `label` (default DL)</source>
      <translation>`label` 的信封尺寸（默认 DL）</translation>
    </message>
    <message>
      <source>the estate it becomes (estate add first)</source>
      <translation>迁入后成为的项目（须先用 estate add 添加）</translation>
    </message>
    <message>
      <source>the estate's name (its letterhead's, until changed)</source>
      <translation>项目名称（在修改前也是其信头名称）</translation>
    </message>
    <message>
      <source>the estates of a company database</source>
      <translation>公司数据库中的项目</translation>
    </message>
    <message>
      <source>the file</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>the head-office database login to create (default: DATABASE_head)</source>
      <translation>要建立的总部数据库登录名（默认：数据库名_head）</translation>
    </message>
    <message>
      <source>the history key file, when SLIPDESK_HISTORY_KEY does not name it</source>
      <translation>历史密钥文件（环境变量 SLIPDESK_HISTORY_KEY 未指定时）</translation>
    </message>
    <message>
      <source>the key file to write (never over an existing one)</source>
      <translation>要写入的密钥文件（不会覆盖已有文件）</translation>
    </message>
    <message>
      <source>the letter text: {problem}</source>
      <translation>信函正文：{problem}</translation>
    </message>
    <message>
      <source>the letter's text from a UTF-8 file (the same rule)</source>
      <translation>从 UTF-8 文件读取信函正文（规则同上）</translation>
    </message>
    <message>
      <source>the letter's text; it prints as DRAFT unless it is the text the person in charge approved</source>
      <translation>信函正文；除非是负责人批准的正文，否则打印为“草稿”</translation>
    </message>
    <message>
      <source>the listening desk ended before it said {key!r} (exit {code})</source>
      <translation>监听的前台在报告 {key!r} 之前就结束了（退出码 {code}）</translation>
    </message>
    <message>
      <source>the manager account recorded in the audit log</source>
      <translation>记入审计日志的经理账户</translation>
    </message>
    <message>
      <source>the manager account the import is recorded under in the audit log (default: the first active manager)</source>
      <translation>审计日志中记录的经理账户（默认：第一个在用的经理账户）</translation>
    </message>
    <message>
      <source>the manager who makes the key</source>
      <translation>生成密钥的经理</translation>
    </message>
    <message>
      <source>the newest events were deleted</source>
      <translation>最新的记录被删除</translation>
    </message>
    <message>
      <source>the notice's text</source>
      <translation>通知文本</translation>
    </message>
    <message>
      <source>the report's language (default: the estate's printing language, zh unless a manager changed it)</source>
      <translation>总结的语言（默认：本项目的打印语言，经理未更改时为 zh）</translation>
    </message>
    <message>
      <source>the slip counter of {year} went back from {then} to {now}</source>
      <translation>{year} 年的处理单编号计数从 {then} 退回到 {now}</translation>
    </message>
    <message>
      <source>the slip list</source>
      <translation>处理单列表</translation>
    </message>
    <message>
      <source>the slip number, e.g. TS-2026-000123; for `slip`, several print as one PDF</source>
      <translation>处理单编号，如 TS-2026-000123；`slip` 可给多个编号，合成一个 PDF</translation>
    </message>
    <message>
      <source>the workbook's sheet to read (default: the first)</source>
      <translation>要读取的工作表（默认：第一个）</translation>
    </message>
    <message>
      <source>the working calendar (工作日历) that reply deadlines count on: show a year, import one from the State Council's notice (text), an .ics or a .csv file</source>
      <translation>答复时限所依据的工作日历：查看某一年，或从国务院办公厅通知（文本）、.ics 或 .csv 文件导入一年</translation>
    </message>
    <message>
      <source>the year the file is for (default: the year it names)</source>
      <translation>文件所属的年份（默认：文件中写明的年份）</translation>
    </message>
    <message>
      <source>this database's identity is {now}, the anchor's {then}: it is another database, or its identity was changed</source>
      <translation>本数据库的标识为 {now}，锚点中为 {then}：这是另一个数据库，或其标识被改动</translation>
    </message>
    <message>
      <source>two desks in two processes on one database: how soon a save on one shows on the other's open views (median and worst of N saves, against the two-second limit; exit 1 when it is missed), and what an idle desk costs (CPU time, queries, the live feed's looks per minute). Without --db it works on a fresh SQLite file in a temporary folder</source>
      <translation>两个进程、两台前台共用一个数据库：一台保存后，另一台已打开的页面多快显示出来（N 次保存的中位数和最慢值，以两秒为限；超出时退出码为 1），以及空闲的前台花费多少（每分钟的 CPU 时间、查询次数和实时更新的查看次数）。不给 --db 时使用临时文件夹中新建的 SQLite 文件</translation>
    </message>
    <message>
      <source>unlock an account</source>
      <translation>解锁账号</translation>
    </message>
    <message>
      <source>value</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>warning: {text}</source>
      <translation>警告：{text}</translation>
    </message>
    <message>
      <source>where to write it; the ending chooses PDF or XLSX</source>
      <translation>写到哪个文件；扩展名决定 PDF 或 XLSX</translation>
    </message>
    <message>
      <source>where to write the PDF</source>
      <translation>PDF 写到哪个文件</translation>
    </message>
    <message>
      <source>where to write the backup</source>
      <translation>备份写到哪个文件</translation>
    </message>
    <message>
      <source>which document: {kinds}</source>
      <translation>哪一种文档：{kinds}</translation>
    </message>
    <message>
      <source>who printed it, for the slip's history</source>
      <translation>打印人，记入处理单的经过</translation>
    </message>
    <message>
      <source>who takes the report (a person in charge or a manager: it names complainants), for the audit log</source>
      <translation>取用总结的人（负责人或经理：总结中有投诉人姓名），记入审计日志</translation>
    </message>
    <message>
      <source>withdraw standard answers</source>
      <translation>停用标准答复口径</translation>
    </message>
    <message>
      <source>worked</source>
      <translation>上班</translation>
    </message>
    <message>
      <source>worked {days}</source>
      <translation>{days} 上班</translation>
    </message>
    <message>
      <source>write N realistic sample slips (every channel and state, with their history, replies and transmittals), the demo accounts and the demo estate's letterhead into the database, creating it when it does not exist; the login screen then lists the demo accounts</source>
      <translation>向数据库写入 N 张逼真的演示处理单（各种渠道和状态，连同处理经过、回复和报送单）、演示账户和演示物业的信头；数据库不存在时先建立。之后登录界面会列出演示账户</translation>
    </message>
    <message>
      <source>write a handover note</source>
      <translation>填写交接班记录</translation>
    </message>
    <message>
      <source>write standard answers</source>
      <translation>编写标准答复口径</translation>
    </message>
    <message>
      <source>write the weekly or monthly review (每周或每月总结和检讨) — the period's slips by channel, category and outcome, deadlines kept, replies and satisfaction, figures per person — as a PDF or an XLSX workbook; the export is written to the audit log, as the review names complainants</source>
      <translation>生成每周或每月总结和检讨（按渠道、类别和结果统计的处理单、回复时限的遵守情况、回复和满意度、每人的数字），输出为 PDF 或 XLSX 工作簿；因总结中有投诉人姓名，每次导出都记入审计日志</translation>
    </message>
    <message>
      <source>write 先生 or 女士 (or leave it empty)</source>
      <translation>请填写“先生”或“女士”（也可留空）</translation>
    </message>
    <message>
      <source>wrote the review of {period} to {output} ({size:,} bytes, {seconds:.1f} s)</source>
      <translation>已将{period}的总结写入 {output}（{size:,} 字节，{seconds:.1f} 秒）</translation>
    </message>
    <message>
      <source>wrote {path} ({size:,} bytes)</source>
      <translation>已写入 {path}（{size:,} 字节）</translation>
    </message>
    <message>
      <source>wrote {slips} as one PDF to {output} ({size:,} bytes)</source>
      <translation>已将 {slips}合成一个 PDF 写入 {output}（{size:,} 字节）</translation>
    </message>
    <message>
      <source>wrote {slips} to {where} in {seconds:.1f} s</source>
      <translation>已将 {slips}写入 {where}，用时 {seconds:.1f} 秒</translation>
    </message>
    <message>
      <source>wrote {title} as DRAFT (the reply text is not the approved one) to {output} ({size:,} bytes)</source>
      <translation>已将{title}作为草稿（正文不是批准的正文）写入 {output}（{size:,} 字节）</translation>
    </message>
    <message>
      <source>wrote {title} to {output} ({size:,} bytes)</source>
      <translation>已将{title}写入 {output}（{size:,} 字节）</translation>
    </message>
    <message>
      <source>{at} is outside the estate's working hours ({hours} on working days). Phone replies are made in working hours (电话回复原则上应选择工作时间进行), and so is every call or message to the customer: outside them only when the slip is urgent or the customer agreed beforehand.</source>
      <translation>{at} 不在本物业的工作时间内（工作日 {hours}）。电话回复原则上应选择工作时间进行，给客户打电话、发短信都是如此：只有紧急情况或经客户事先许可，才可在工作时间以外联系客户。</translation>
    </message>
    <message>
      <source>{at} is outside the estate's working hours: record the time agreed with the customer for the visit (上门回复应事先和客户约定时间).</source>
      <translation>{at} 不在工作时间内：请登记事先与客户约定的上门时间。</translation>
    </message>
    <message>
      <source>{count} of the printed slips no longer exist; nothing was logged.</source>
      <translation>打印的处理单中有 {count} 张已不存在，未作任何打印登记。</translation>
    </message>
    <message>
      <source>{count} of the selected slips no longer exist.</source>
      <translation>所选处理单中有 {count} 张已不存在。</translation>
    </message>
    <message>
      <source>{count} slips {first} … {last} are missing (deleted with their history)</source>
      <translation>{count} 张处理单 {first} … {last} 缺失（连同其记录被删除）</translation>
    </message>
    <message>
      <source>{day} is a weekday: a make-up working day (调休上班) is a Saturday or Sunday.</source>
      <translation>{day} 本是工作日：调休上班日应为星期六或星期日。</translation>
    </message>
    <message>
      <source>{day} is a {real}, not a {said}.</source>
      <translation>{day} 是{real}，不是{said}。</translation>
    </message>
    <message>
      <source>{day} is already a {kind} in {year}'s schedule.</source>
      <translation>{day} 在 {year} 年的安排中已是{kind}。</translation>
    </message>
    <message>
      <source>{day} is both a holiday and a make-up working day (see line {other}).</source>
      <translation>{day} 既是假日又是调休上班日（见第 {other} 行）。</translation>
    </message>
    <message>
      <source>{day} is in two holidays: {first} and {second}.</source>
      <translation>{day} 同时属于两个假日：{first}和{second}。</translation>
    </message>
    <message>
      <source>{day} is in {other}, not {year}: another year's day.</source>
      <translation>{day} 属于 {other} 年，不是 {year} 年。</translation>
    </message>
    <message>
      <source>{day} is not in {year} nor at its turn of the year.</source>
      <translation>{day} 不在 {year} 年内，也不在年末年初。</translation>
    </message>
    <message>
      <source>{day}: “{kind}” is neither a holiday nor a make-up working day.</source>
      <translation>{day}：“{kind}”既不是假日也不是调休上班日。</translation>
    </message>
    <message>
      <source>{file}: {problem}. Nothing was changed.</source>
      <translation>{file}：{problem}。未做任何改动。</translation>
    </message>
    <message>
      <source>{first} to {last} is not a holiday's days.</source>
      <translation>{first} 至 {last} 不是一段假期。</translation>
    </message>
    <message>
      <source>{met} of {total} targets met</source>
      <translation>{total} 项目标中 {met} 项达标</translation>
    </message>
    <message>
      <source>{name} cannot be read as a database: {err}</source>
      <translation>{name} 无法作为数据库读取：{err}</translation>
    </message>
    <message>
      <source>{name} has more than {most:,} rows; split it.</source>
      <translation>“{name}”超过 {most:,} 行，请拆分后再导入。</translation>
    </message>
    <message>
      <source>{name} has no sheet “{sheet}” (it has: {sheets}).</source>
      <translation>{name} 中没有工作表“{sheet}”（现有：{sheets}）。</translation>
    </message>
    <message>
      <source>{name} is a PostgreSQL backup but not of a Slipdesk database.</source>
      <translation>{name} 是 PostgreSQL 备份，但不是 Slipdesk 数据库的备份。</translation>
    </message>
    <message>
      <source>{name} is a SQLite file but not a Slipdesk database.</source>
      <translation>{name} 是 SQLite 文件，但不是 Slipdesk 数据库。</translation>
    </message>
    <message>
      <source>{name} is already listed at {unit}.</source>
      <translation>{unit} 已登记有住户 {name}。</translation>
    </message>
    <message>
      <source>{name} is damaged or not really a {kind} file.</source>
      <translation>{name} 已损坏，或并非真正的 {kind} 文件。</translation>
    </message>
    <message>
      <source>{name} is damaged: {result}</source>
      <translation>{name} 已损坏：{result}</translation>
    </message>
    <message>
      <source>{name} is empty.</source>
      <translation>“{name}”中没有数据。</translation>
    </message>
    <message>
      <source>{name} is larger than 50 MB.</source>
      <translation>{name} 超过 50 MB。</translation>
    </message>
    <message>
      <source>{name} is not a PostgreSQL backup archive ({error}).</source>
      <translation>{name} 不是 PostgreSQL 备份归档（{error}）。</translation>
    </message>
    <message>
      <source>{name} is not a SQLite database.</source>
      <translation>{name} 不是 SQLite 数据库。</translation>
    </message>
    <message>
      <source>{name} is not a Slipdesk anchor, or it was altered or damaged.</source>
      <translation>{name} 不是 Slipdesk 锚点文件，或已被改动、损坏。</translation>
    </message>
    <message>
      <source>{name} is not a readable Excel workbook: it is damaged or not a workbook ({err}). Nothing was imported; save it again from Excel or WPS and retry.</source>
      <translation>{name} 不是可读取的 Excel 工作簿：文件已损坏或并非工作簿（{err}）。未导入任何数据；请用 Excel 或 WPS 重新保存后再试。</translation>
    </message>
    <message>
      <source>{name} is shorter than its own header says: the file was cut off.</source>
      <translation>{name} 比其文件头所记录的短：文件被截断了。</translation>
    </message>
    <message>
      <source>{name} is {size:.1f} MB; the limit is 20 MB.</source>
      <translation>{name} 大小为 {size:.1f} MB，超过 20 MB 的上限。</translation>
    </message>
    <message>
      <source>{name}: attach a scan as PDF, JPEG, PNG or TIFF.</source>
      <translation>{name}：请附 PDF、JPEG、PNG 或 TIFF 格式的扫描件。</translation>
    </message>
    <message>
      <source>{name}: could not be measured ({err})</source>
      <translation>{name}：无法测量（{err}）</translation>
    </message>
    <message>
      <source>{name}: import an .xlsx or .csv file.</source>
      <translation>{name}：请导入 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
      <source>{name}: its seal (what it held when it was made) is damaged.</source>
      <translation>{name}：其封签（备份时所含内容的记录）已损坏。</translation>
    </message>
    <message>
      <source>{name}: its seal is damaged, or the archive is not what the backup held when it was made.</source>
      <translation>{name}：封签已损坏，或归档内容与备份时不符。</translation>
    </message>
    <message>
      <source>{name}: no day off or worked was understood.</source>
      <translation>{name}：没有读出放假或上班的日期。</translation>
    </message>
    <message>
      <source>{name}: the notice says {said} days, the dates give {counted}.</source>
      <translation>{name}：通知写共 {said} 天，日期算出来是 {counted} 天。</translation>
    </message>
    <message>
      <source>{name}: the table {table} is not what the backup held when it was made (damaged since).</source>
      <translation>{name}：表 {table} 与备份时的内容不符（此后已损坏）。</translation>
    </message>
    <message>
      <source>{name}: {problem}</source>
      <translation>{name}：{problem}</translation>
    </message>
    <message>
      <source>{number} event {seq}: {problem}</source>
      <translation>{number} 第 {seq} 条记录：{problem}</translation>
    </message>
    <message>
      <source>{number} was settled within the desk's authority and never went up: it has no escalation transmittal.</source>
      <translation>{number} 在处理权限内办理，未上报，没有上报移交单。</translation>
    </message>
    <message>
      <source>{number}: agreed {deadline} → on the new calendar {proposed}{flag}</source>
      <translation>{number}：约定 {deadline} → 按新日历应为 {proposed}{flag}</translation>
    </message>
    <message>
      <source>{number}: {problem}</source>
      <translation>{number}：{problem}</translation>
    </message>
    <message>
      <source>{n} drawn queries</source>
      <translation>{n} 个抽取的查询</translation>
    </message>
    <message>
      <source>{n} fixed queries × {repeats}</source>
      <translation>{n} 个固定查询 × {repeats}</translation>
    </message>
    <message>
      <source>{n} queries × 3</source>
      <translation>{n} 个查询 × 3</translation>
    </message>
    <message>
      <source>{output}: write to a .pdf or an .xlsx file.</source>
      <translation>{output}：请写入 .pdf 或 .xlsx 文件。</translation>
    </message>
    <message>
      <source>{path} does not exist.</source>
      <translation>{path} 不存在。</translation>
    </message>
    <message>
      <source>{path} does not exist: nothing was done. Give the database's path with --db.</source>
      <translation>{path} 不存在：未做任何操作。请用 --db 指定数据库的路径。</translation>
    </message>
    <message>
      <source>{path} does not exist: nothing was moved.</source>
      <translation>{path} 不存在：未迁移任何内容。</translation>
    </message>
    <message>
      <source>{path} exists already: a key is never written over.</source>
      <translation>{path} 已存在：不会覆盖已有的密钥。</translation>
    </message>
    <message>
      <source>{path} is a folder: name a file in it.</source>
      <translation>{path} 是文件夹：请指定其中的文件。</translation>
    </message>
    <message>
      <source>{path} is empty.</source>
      <translation>{path} 是空文件。</translation>
    </message>
    <message>
      <source>{path} is neither UTF-8 nor GB18030 text.</source>
      <translation>{path} 既不是 UTF-8 也不是 GB18030 文本。</translation>
    </message>
    <message>
      <source>{path} is not a Slipdesk history key (too short).</source>
      <translation>{path} 不是 Slipdesk 历史密钥（太短）。</translation>
    </message>
    <message>
      <source>{path} is not a Slipdesk history key ({err}).</source>
      <translation>{path} 不是 Slipdesk 历史密钥（{err}）。</translation>
    </message>
    <message>
      <source>{path} is not a text file.</source>
      <translation>{path} 不是文本文件。</translation>
    </message>
    <message>
      <source>{path} is too large for a year's holidays ({size:,} bytes).</source>
      <translation>{path} 太大，不像一年的节假日安排（{size:,} 字节）。</translation>
    </message>
    <message>
      <source>{path}: write to a .pdf or an .xlsx file.</source>
      <translation>{path}：请写入 .pdf 或 .xlsx 文件。</translation>
    </message>
    <message>
      <source>{problem} Nothing was changed. To go on working, restore a backup: slipdesk-admin restore BACKUP --db {path}</source>
      <translation>{problem} 未做任何改动。如需继续使用，请恢复备份：slipdesk-admin restore 备份文件 --db {path}</translation>
    </message>
    <message>
      <source>{problem} Nothing was moved.</source>
      <translation>{problem} 未迁移任何内容。</translation>
    </message>
    <message>
      <source>{rows} check out; nothing imported (--dry-run)</source>
      <translation>{rows}检查无误；未导入（--dry-run）</translation>
    </message>
    <message>
      <source>{tool} is not installed: install the PostgreSQL client tools to back up or restore a shared database.</source>
      <translation>未安装 {tool}：请安装 PostgreSQL 客户端工具后再备份或恢复共享数据库。</translation>
    </message>
    <message>
      <source>{url} is not a company database: run slipdesk-admin company init first.</source>
      <translation>{url} 不是公司数据库：请先运行 slipdesk-admin company init。</translation>
    </message>
    <message>
      <source>{what} cannot be in the future.</source>
      <translation>{what}不能晚于现在。</translation>
    </message>
    <message>
      <source>{what} is implausibly old.</source>
      <translation>{what}过早，请核对。</translation>
    </message>
    <message>
      <source>{what} is not a valid date.</source>
      <translation>{what}不是有效的日期。</translation>
    </message>
    <message>
      <source>{what} is required.</source>
      <translation>请填写{what}。</translation>
    </message>
    <message>
      <source>{what} was added without an event</source>
      <translation>{what} 未经记录即被添加</translation>
    </message>
    <message>
      <source>{what} was changed without an event ({recorded} → {stored})</source>
      <translation>{what} 未经记录即被修改（{recorded} → {stored}）</translation>
    </message>
    <message>
      <source>{what} was removed without an event</source>
      <translation>{what} 未经记录即被删除</translation>
    </message>
    <message>
      <source>{when} falls on a public holiday ({name}): the desk is closed. Is that what the customer agreed?</source>
      <translation>{when} 是法定节假日（{name}），服务中心不上班。客户确实同意这个时间吗？</translation>
    </message>
    <message>
      <source>{when} is not a working day: the desk is closed. Is that what the customer agreed?</source>
      <translation>{when} 不是工作日，服务中心不上班。客户确实同意这个时间吗？</translation>
    </message>
    <message>
      <source>{when} is outside office hours ({start}–{end}). Is that what the customer agreed?</source>
      <translation>{when} 不在办公时间（{start}–{end}）内。客户确实同意这个时间吗？</translation>
    </message>
    <message>
      <source>{where} is a company database: estate logins are in the role {estates}, head-office logins in {head}.</source>
      <translation>{where} 已是公司数据库：各项目的登录属于角色 {estates}，总部的登录属于 {head}。</translation>
    </message>
    <message>
      <source>{where}: the history of all {total:,} slips verifies</source>
      <translation>{where}：全部 {total:,} 张处理单的经过校验无误</translation>
    </message>
    <message>
      <source>{where}: the history of the one slip verifies</source>
      <translation>{where}：唯一一张处理单的经过校验无误</translation>
    </message>
    <message>
      <source>{where}: {breaks} of {total:,} {have} a broken history</source>
      <translation>{where}：{total:,} 张处理单中有 {breaks}的经过断裂</translation>
    </message>
    <message>
      <source>{where}: {count} issued but held by no slip: deleted slips</source>
      <translation>{where}：{count}已发出的处理单编号找不到处理单：处理单被删除</translation>
    </message>
    <message>
      <source>{where}: {verdict} ({anchor})</source>
      <translation>{where}：{verdict}（{anchor}）</translation>
    </message>
    <message>
      <source>{why} No clerk settles this at the desk, even with a reason: it goes to the person in charge.</source>
      <translation>{why}前台不能自行处理（即使说明理由也不行）：请提请负责人处理。</translation>
    </message>
    <message>
      <source>{years} has no working calendar yet: this deadline counts plain weekdays, an estimate that may fall on a public holiday. A manager enters the year's holidays (Working calendar).</source>
      <translation>{years} 年的工作日历尚未录入：此时限按周一至周五估算，可能落在法定节假日。请经理录入该年的节假日安排（工作日历）。</translation>
    </message>
    <message>
      <source>{year} already reads so: nothing to save</source>
      <translation>{year} 年已是如此：无需保存</translation>
    </message>
    <message>
      <source>{year} is missing now: it becomes complete.</source>
      <translation>{year} 年目前未录入：保存后即为已录入。</translation>
    </message>
    <message>
      <source>{year} is too far from today: a schedule is kept for {first}–{last}.</source>
      <translation>{year} 年距今太远：只能保存 {first}–{last} 年的安排。</translation>
    </message>
    <message>
      <source>{year}-{month:02d}-{day:02d} does not exist.</source>
      <translation>{year}年{month}月{day}日不存在。</translation>
    </message>
    <message>
      <source>{year}: MISSING. Deadlines in {year} count plain weekdays, an estimate. Enter the year from the State Council's notice: slipdesk-admin calendar import NOTICE.txt --year {year}</source>
      <translation>{year} 年：未录入。{year} 年内的时限按周一至周五估算。请按国务院办公厅通知录入：slipdesk-admin calendar import 通知.txt --year {year}</translation>
    </message>
    <message>
      <source>{year}: complete — from {source} ({origin}), saved {at} by {who}</source>
      <translation>{year} 年：已录入 —— 来源：{source}（{origin}），{at} 由 {who} 保存</translation>
    </message>
    <message>
      <source>“No opinion to ask” is for a write-back in the comment book to an anonymous entry.</source>
      <translation>“无从征询”只适用于在意见簿上回复匿名留言。</translation>
    </message>
    <message>
      <source>“{clause}”: dates that say neither 放假 (off) nor 上班 (worked).</source>
      <translation>“{clause}”：日期后既没有“放假”也没有“上班”。</translation>
    </message>
    <message>
      <source>“{date}”: which month?</source>
      <translation>“{date}”：是几月？</translation>
    </message>
    <message>
      <source>“{name}” is only a surname: a letter would say “尊敬的{name}：”. Record the customer's title (先生/女士) or full name on the slip first (称呼应准确).</source>
      <translation>“{name}”只是姓氏，信函称呼会成为“尊敬的{name}：”。请先在处理单上登记客户的称谓（先生/女士）或全名（称呼应准确）。</translation>
    </message>
    <message>
      <source>“{raw}” is not a phone number</source>
      <translation>“{raw}”不是有效的电话号码</translation>
    </message>
    <message>
      <source>“{summary}” has no start date.</source>
      <translation>“{summary}”没有开始日期。</translation>
    </message>
    <message>
      <source>“{summary}” repeats by a rule: a year's holidays are listed day by day.</source>
      <translation>“{summary}”是按规则重复的事件：节假日安排须逐日列出。</translation>
    </message>
    <message>
      <source>“{summary}”: {error}</source>
      <translation>“{summary}”：{error}</translation>
    </message>
    <message>
      <source>“{summary}”: {first} to {last} is not a holiday's days.</source>
      <translation>“{summary}”：{first} 至 {last} 不是一段假期。</translation>
    </message>
    <message>
      <source>“{text}” is not a period: write a month as 2026-11 or a week as 2026-W47.</source>
      <translation>“{text}”不是有效的期间：月份请写成 2026-11，周请写成 2026-W47。</translation>
    </message>
    <message>
      <source>“{unit}” is not a unit (building-entrance-room, 3-2-1201).</source>
      <translation>“{unit}”不是有效的房号（楼-单元-室，如 3-2-1201）。</translation>
    </message>
    <message>
      <source>“{unit}” is not a unit (building-entrance-room, e.g. 3-2-1201)</source>
      <translation>“{unit}”不是有效的房号（楼-单元-室，如 3-2-1201）</translation>
    </message>
    <message>
      <source>“{value}” is not a date (2027-01-01).</source>
      <translation>“{value}”不是日期（2027-01-01）。</translation>
    </message>
    <message>
      <source>“{value}”: write holiday (休) or workday (班).</source>
      <translation>“{value}”：请写 holiday（休）或 workday（班）。</translation>
    </message>
    <message>
      <source>≤ 1000 ms × estates</source>
      <translation>≤ 1000 ms × 项目数</translation>
    </message>
    <message>
      <source>休 holiday   班 make-up working day   . weekend</source>
      <translation>休 放假   班 调休上班   . 周末</translation>
    </message>
  </context>
  <context>
    <name>pages</name>
    <message>
      <source>Approvals</source>
      <translation>待审批</translation>
    </message>
    <message>
      <source>Authority and lists</source>
      <translation>权限与设置</translation>
    </message>
    <message>
      <source>Comment book</source>
      <translation>意见簿</translation>
    </message>
    <message>
      <source>Motive rules</source>
      <translation>投诉动机规则</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>通知</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>住户名录</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>总结检讨</translation>
    </message>
    <message>
      <source>Sent up to us</source>
      <translation>上报事项</translation>
    </message>
    <message>
      <source>Slips</source>
      <translation>处理单</translation>
    </message>
    <message>
      <source>Staff accounts</source>
      <translation>员工账号</translation>
    </message>
    <message>
      <source>Standard answers</source>
      <translation>标准答复口径</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今日</translation>
    </message>
    <message>
      <source>Working calendar</source>
      <translation>工作日历</translation>
    </message>
  </context>
</TS>
