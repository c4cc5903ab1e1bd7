#!/usr/bin/env python3
# Writes the knowledge-base quality set under Tests/Fixtures/kb from the labelled topics in
# scripts/kb-fixtures-topics.py and a seeded generator of distractor tickets (resolved tickets
# about the same devices and systems with other problems: requests, other faults, other
# places), so a query has thousands of plausible wrong answers. Deterministic: the same seed
# writes the same bytes. Usage: python3 scripts/kb-fixtures.py [N_DISTRACTORS] [OUT_DIR]
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
exec(open(os.path.join(HERE, 'kb-fixtures-topics.py'), encoding='utf-8').read())

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, '..', 'Tests', 'Fixtures', 'kb')
rng = random.Random(20261130)
ALNUM = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'

def ticket_id(day):
    return 'DK-%s-%s' % (day, ''.join(rng.choice(ALNUM) for _ in range(4)))

def line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(',', ':'))

# Distractors: (lang, title, description, cause, solution) templates; {x} slots filled below.
SLOTS = {
    'floor': ['二楼', '三楼', '五楼', '七楼', '销售部', '财务部', '前台', '仓库', '研发中心', '上海分公司'],
    'floorEn': ['the 2nd floor', 'the 5th floor', 'the sales office', 'finance', 'reception', 'the warehouse', 'the Berlin office'],
    'sys': ['ERP', 'CRM', 'OA', '报销系统', '考勤系统', '合同系统', '采购系统', 'HR 系统', '开票系统', 'WMS'],
    'sysEn': ['ERP', 'CRM', 'the HR portal', 'the expense system', 'the wiki', 'Jira', 'the contract system', 'SAP'],
    'app': ['Excel', 'Word', 'PowerPoint', 'Outlook', 'Teams', '企业微信', '钉钉', 'Chrome', 'Edge', 'Adobe Reader', 'Visio', 'Zoom'],
    'dev': ['笔记本', '台式机', '显示器', '打印机', '扫描仪', '投影仪', '键盘', '鼠标', '耳机', '手机', '平板', '扩展坞'],
    'devEn': ['laptop', 'desktop', 'monitor', 'printer', 'scanner', 'projector', 'keyboard', 'headset', 'phone', 'tablet', 'dock'],
    'n': [str(i) for i in range(2, 30)],
}
DISTRACT = [
    ('zh', '申请{sys}新账号', '新同事需要开通{sys}账号，角色同部门其他人。', '账号申请。', '按审批单在{sys}中创建账号并分配角色。'),
    ('zh', '{sys}权限变更申请', '需要在{sys}里增加审批权限，主管已同意。', '权限申请。', '按审批为用户增加{sys}审批角色。'),
    ('zh', '{floor}需要新增一台打印机', '{floor}人多，想再加一台黑白打印机。', '设备申请。', '采购并安装打印机，添加到打印服务器。'),
    ('zh', '{floor}打印机更换硒鼓', '打印出来颜色变淡，提示碳粉不足。', '耗材用尽。', '更换硒鼓并打印测试页。'),
    ('zh', '{dev}需要更换', '{dev}用了{n}年，申请更换新的。', '设备老化。', '按资产流程更换{dev}。'),
    ('zh', '{app}安装申请', '工作需要安装{app}，请帮忙安装。', '软件申请。', '通过软件中心推送安装{app}。'),
    ('zh', '{app}升级到新版本', '{app}提示有新版本，能否升级。', '版本更新。', '在维护窗口统一升级{app}。'),
    ('zh', '{sys}导出数据申请', '需要从{sys}导出{n}月的数据做分析。', '数据申请。', '审批后导出脱敏数据并加密发送。'),
    ('zh', '{sys}页面字段显示错误', '{sys}详情页的日期字段显示成了英文格式。', '语言配置错误。', '修改用户区域设置为中文。'),
    ('zh', '{floor}网口不通', '{floor}工位的墙上网口插上网线没有灯。', '交换机端口被关闭。', '在交换机上启用端口并打上标签。'),
    ('zh', '申请 VPN 权限', '出差需要在外面访问{sys}，申请 VPN 权限。', '权限申请。', '把用户加入 VPN 用户组并发送使用指南。'),
    ('zh', 'VPN 客户端安装指导', '新电脑上没有 VPN 客户端，不知道怎么装。', '咨询。', '发送安装指南并远程协助安装。'),
    ('zh', '邮件组成员调整', '需要把{n}个新同事加入部门邮件组。', '邮件组维护。', '在邮件系统中更新邮件组成员。'),
    ('zh', '邮箱签名模板更新', '公司更换了 Logo，需要更新邮件签名。', '模板变更。', '推送新的签名模板。'),
    ('zh', '会议室{n}预订系统显示错误', '会议室{n}在预订系统里显示被占用，实际空着。', '重复预订未释放。', '删除重复的预订记录。'),
    ('zh', '密码修改咨询', '想问一下密码多久要改一次，有什么要求。', '咨询。', '说明密码策略：90 天，12 位，三类字符。'),
    ('zh', '{dev}外观损坏报修', '{dev}外壳裂了，不影响使用。', '外力损坏。', '登记并安排保修更换外壳。'),
    ('zh', '无线网络覆盖申请', '{floor}角落信号弱，申请增加 AP。', '覆盖不足。', '勘测后增加一个 AP。'),
    ('zh', '{sys}报表数字不对', '{sys}里{n}月的合计和明细加起来对不上。', '报表口径包含已作废单据。', '修正报表过滤条件，排除作废单据。'),
    ('zh', '电话分机转移设置', '出差期间想把分机转到手机。', '咨询。', '在话机上设置呼叫转移。'),
    ('zh', '{app}界面语言变成英文', '{app}突然变成英文界面了。', '语言包更新后默认语言改变。', '在设置中把显示语言改回中文。'),
    ('zh', '申请第二块显示器', '做报表需要双屏，申请一台显示器。', '设备申请。', '发放显示器并安装。'),
    ('zh', '{floor}门禁卡失效', '{floor}的门禁刷卡不开门。', '门禁权限过期。', '在门禁系统中延长权限。'),
    ('zh', '备份恢复演练', '按计划做{sys}的季度恢复演练。', '计划任务。', '完成恢复演练并记录耗时。'),
    ('zh', '{sys}上线通知发送', '需要通知全员{sys}新功能上线。', '通知需求。', '通过邮件和企业微信发送通知。'),
    ('en', 'New {sysEn} account for a contractor', 'A contractor starts next week and needs access to {sysEn}.', 'Access request.', 'Created the account with an end date.'),
    ('en', 'Request a second monitor', 'I would like a second monitor for spreadsheets.', 'Equipment request.', 'Delivered and set up a 27 inch monitor.'),
    ('en', 'Replace broken {devEn}', 'My {devEn} was dropped and the casing is cracked.', 'Physical damage.', 'Replaced under warranty.'),
    ('en', 'Toner low on {floorEn} printer', 'Prints are faint on the printer in {floorEn}.', 'Toner empty.', 'Replaced the toner cartridge.'),
    ('en', 'Install {app} on my laptop', 'I need {app} for a project.', 'Software request.', 'Pushed {app} from the software centre.'),
    ('en', 'How do I set an out of office reply', 'Going on leave for {n} days, how do I set an automatic reply?', 'Question.', 'Sent the guide for automatic replies.'),
    ('en', 'Add members to a distribution list', 'Please add {n} people to the project mailing list.', 'List maintenance.', 'Updated the distribution list.'),
    ('en', 'VPN access request for travel', 'I travel next month and need VPN access to {sysEn}.', 'Access request.', 'Added the user to the VPN group.'),
    ('en', '{sysEn} shows dates in the wrong format', 'Dates in {sysEn} appear as month/day instead of day/month.', 'Regional setting.', 'Changed the user locale.'),
    ('en', 'Network port dead at desk {n}', 'No link light on the wall port at desk {n}.', 'Switch port disabled.', 'Enabled and labelled the port.'),
    ('en', 'Meeting room {n} display booked wrongly', 'The booking panel of room {n} shows busy although it is empty.', 'Stale booking.', 'Removed the duplicate booking.'),
    ('en', 'Update email signature', 'Marketing changed the logo; signatures need updating.', 'Template change.', 'Deployed the new signature template.'),
    ('en', 'Wi-Fi coverage weak in {floorEn}', 'Signal is weak in the corner of {floorEn}.', 'Coverage gap.', 'Installed an extra access point.'),
    ('en', '{sysEn} report totals do not match', 'The {sysEn} summary total differs from the sum of rows.', 'Cancelled records counted.', 'Fixed the report filter.'),
    ('en', 'Password policy question', 'How often do I have to change my password?', 'Question.', 'Explained the 90 day policy.'),
    ('en', 'Quarterly restore test of {sysEn}', 'Scheduled restore drill for {sysEn}.', 'Planned task.', 'Restore completed and timed.'),
    ('en', '{app} interface switched language', '{app} suddenly shows a different language.', 'Language pack update.', 'Reset the display language.'),
]

def fill(s, pick):
    for k in SLOTS:
        s = s.replace('{%s}' % k, pick[k])
    return s

def distractor(i):
    lang, title, desc, cause, sol = rng.choice(DISTRACT)
    pick = {k: rng.choice(v) for k, v in SLOTS.items()}
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    opened = '2025-%02d-%02dT%02d:%02d:00Z' % (month, day, rng.randint(0, 23), rng.randint(0, 59))
    resolved = '2025-%02d-%02dT23:%02d:00Z' % (month, min(28, day + rng.randint(1, 2)), rng.randint(0, 59))
    return {
        'id': ticket_id('25%02d%02d' % (month, day)), 'opened_at': opened, 'channel': rng.choice(['email', 'phone', 'web', 'chat']),
        'status': rng.choice(['resolved', 'resolved', 'closed']), 'title': fill(title, pick), 'description': fill(desc, pick),
        'resolution': {'cause': fill(cause, pick), 'solution': fill(sol, pick), 'result': '用户确认。' if lang == 'zh' else 'Confirmed by the user.',
                       'by': 'agent.gen', 'at': resolved},
    }

def main():
    os.makedirs(OUT, exist_ok=True)
    articles, tickets, queries = [], [], []
    expect = {}
    n_article = 0
    for k, (key, kind, lang, title, symptom, cause, solution, tags, qs) in enumerate(TOPICS):
        if kind == 'article':
            n_article += 1
            aid = 'KB-%04d' % n_article
            articles.append({
                'id': aid, 'status': 'published', 'title': title, 'symptom': [symptom], 'impact': '部门内多名用户' if lang == 'zh' else 'several users',
                'cause': cause, 'solution': solution, 'evidence': ['screenshot-%s.png' % key], 'tags': tags,
                'created_at': '2026-09-01T02:00:00Z', 'updated_at': '2026-09-01T02:00:00Z', 'published_at': '2026-09-01T02:00:00Z',
            })
            expect[key] = ('article', aid)
        else:
            tid = 'DK-2609%02d-T%03d' % (1 + k % 28, k)
            tickets.append({
                'id': tid, 'opened_at': '2026-09-%02dT01:00:00Z' % (1 + k % 28), 'channel': 'web', 'status': 'resolved',
                'title': title, 'description': symptom, 'tags': tags,
                'resolution': {'cause': cause, 'solution': '；'.join(solution) if lang == 'zh' else '; '.join(solution),
                               'result': '用户确认恢复。' if lang == 'zh' else 'User confirmed.', 'by': 'agent.kb', 'at': '2026-09-%02dT05:00:00Z' % (1 + k % 28)},
            })
            expect[key] = ('ticket', tid)
        for j, (style, text) in enumerate(qs):
            queries.append({'id': 'Q%03d' % (len(queries) + 1), 'text': text, 'expect': expect[key][1], 'kind': expect[key][0],
                            'style': style, 'lang': 'cross' if style == 'cross' else 'same', 'topic': key})
    holdout = []
    for key, qs in HOLDOUT.items():
        for style, text in qs:
            holdout.append({'id': 'H%03d' % (len(holdout) + 1), 'text': text, 'expect': expect[key][1], 'kind': expect[key][0],
                            'style': style, 'lang': 'cross' if style == 'cross' else 'same', 'topic': key})
    # A retired article that reads like a live one must never be returned.
    articles.append({'id': 'KB-%04d' % (n_article + 1), 'status': 'retired', 'title': 'VPN 连接失败，提示证书无效（旧版客户端）',
                     'symptom': ['旧版 VPN 客户端连接时报证书无效。'], 'impact': '旧客户端用户', 'cause': '旧客户端不支持新证书。',
                     'solution': ['升级客户端'], 'evidence': ['old.png'], 'tags': ['vpn'], 'created_at': '2025-01-01T00:00:00Z'})
    for i in range(N):
        tickets.append(distractor(i))
    rng.shuffle(tickets)
    with open(os.path.join(OUT, 'articles.ndjson'), 'w', encoding='utf-8') as f:
        for a in articles: f.write(line(a) + '\n')
    with open(os.path.join(OUT, 'tickets.ndjson'), 'w', encoding='utf-8') as f:
        for t in tickets: f.write(line(t) + '\n')
    with open(os.path.join(OUT, 'queries.ndjson'), 'w', encoding='utf-8') as f:
        for q in queries: f.write(line(q) + '\n')
    with open(os.path.join(OUT, 'queries-holdout.ndjson'), 'w', encoding='utf-8') as f:
        for q in holdout: f.write(line(q) + '\n')
    print('%d articles, %d tickets, %d queries' % (len(articles), len(tickets), len(queries)), file=sys.stderr)

main()
