#!/usr/bin/env python3
"""Generate desk's bundled sample data (deterministic: fixed seed, fixed snapshot clock).

Writes, relative to the repository root:
  Examples/tickets.ndjson            ~120 tickets opened in October and November 2026
  Examples/requests.ndjson           8 raw intake requests for `desk open --batch`
  Examples/responses.ndjson          6 survey responses for `desk survey --record`
  Tests/Fixtures/samples/small.ndjson  5 tickets picked from tickets.ndjson (one per channel family)

Standard library only. The "now" of the snapshot is NOW below (2026-11-30 17:30 Asia/Shanghai);
run desk on these files with `--now 2026-11-30T09:30:00Z` to get the same picture.
Each ticket is simulated event by event (opened, classified, replied, waiting, escalated, ...),
so the ticket fields and its `history` are derived from the same timeline and agree.

Usage: python3 Examples/make_examples.py   (from anywhere; paths are relative to this file)
"""
import datetime as dt
import json
import math
import os
import random

SEED = 20261130
UTC = dt.timezone.utc
SH = 8 * 3600  # Asia/Shanghai, no DST


def ep(s):
    return int(dt.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp())


def ts(t):
    return dt.datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


NOW = ep("2026-11-30T09:30:00Z")
START = ep("2026-09-30T16:00:00Z")  # 2026-10-01 00:00 Asia/Shanghai

# ---------------------------------------------------------------- calendar (policy assumptions)
# State Council 2026: National Day / Mid-Autumn Oct 1-7 off, Sep 20 (Sun) and Oct 10 (Sat) worked.
HOLIDAYS = {dt.date(2026, 10, d) for d in range(1, 8)}
MAKEUP = {dt.date(2026, 9, 20), dt.date(2026, 10, 10)}
OPEN_H, CLOSE_H = 9, 18  # business hours, local time


def local_date(t):
    return dt.datetime.fromtimestamp(t + SH, UTC).date()


def day_start(d):  # UTC epoch of local midnight
    return int(dt.datetime(d.year, d.month, d.day, tzinfo=UTC).timestamp()) - SH


def workday(d):
    if d in HOLIDAYS:
        return False
    if d in MAKEUP:
        return True
    return d.weekday() < 5


def in_business(t):
    d = local_date(t)
    s = day_start(d)
    return workday(d) and s + OPEN_H * 3600 <= t < s + CLOSE_H * 3600


def add_business(t, secs):
    """t plus secs of business time (an instant outside business hours first moves to the next opening)."""
    while True:
        d = local_date(t)
        s = day_start(d)
        if workday(d):
            o, c = s + OPEN_H * 3600, s + CLOSE_H * 3600
            if t < o:
                t = o
            if t < c:
                if t + secs <= c:
                    return t + secs
                secs -= c - t
        t = s + 86400


def business_between(a, b):
    total, t = 0, a
    while t < b:
        d = local_date(t)
        s = day_start(d)
        if workday(d):
            lo, hi = max(t, s + OPEN_H * 3600), min(b, s + CLOSE_H * 3600)
            if hi > lo:
                total += hi - lo
        t = s + 86400
    return total


def add_work(t, secs, h24):
    return t + secs if h24 else add_business(t, secs)


def work_between(a, b, h24):
    return max(0, b - a) if h24 else business_between(a, b)


# targets of the built-in policy as assumed here (SPEC section 4 and the seeds)
FR_TARGET = {"im": 300, "chat": 600, "phone": 600, "email": 900, "web": 900, "walk_in": 600}
WORKAROUND = {"high": 3600, "medium": 4 * 3600, "low": 8 * 3600}
RESOLUTION = {"high": 8 * 3600, "medium": 16 * 3600, "low": 40 * 3600}
H24 = {"high"}  # priorities on a 24x7 clock
TIER1_LIMIT = 2 * 3600
OBSERVE = 1800
SURVEY_WINDOW = 7 * 86400

TIERS = ["tier1", "tier2", "rnd", "vendor"]
OWNERS = ["agent.li", "agent.wang", "agent.chen", "agent.smith", "agent.garcia", "agent.zhao", "agent.kim"]
OWNER_W = [18, 17, 16, 14, 12, 8, 6]
RECEIVERS = {"tier2": ["agent.zhou", "agent.patel"], "rnd": ["dev.huang", "dev.novak"],
             "vendor": ["vendor.hexagate"]}
SOURCES = {"email": "mail-gateway", "web": "web-form", "phone": "phone-ivr", "chat": "im-bot",
           "im": "im-bot", "walk_in": "agent"}
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
APP_VERSIONS = ["5.10.2", "5.11.1", "5.12.0", "5.12.3"]
NETWORKS = ["corporate_lan", "office_wifi", "vpn", "home_wifi", "5g"]

# ---------------------------------------------------------------- scenarios
# esc: deepest tier this kind of problem plausibly reaches (0 tier1 only, 1 tier2, 2 rnd, 3 vendor)
S = [
    dict(k="wecom-frozen", cat="account_access", lang="zh", kw="无法登录", tags=["wecom", "lockout"],
         imp="medium", urg="high", env="mobile", esc=1,
         title="企业微信无法登录，提示“账号已被冻结”",
         desc="今天上午开始登录企业微信一直提示“账号已被冻结，请联系管理员”，手机端和电脑端都一样，现在没法和客户沟通，请尽快处理。",
         freq="每次登录都出现", steps="重启了手机和电脑，重新安装了企业微信客户端",
         cause="连续 5 次输错密码触发账号安全锁定策略；锁定 30 分钟后应自动解冻，但当晚的组织架构同步任务失败，解冻未执行。",
         solution="在管理后台手动解除冻结并重新执行组织架构同步，指导用户按复杂度要求修改新密码。",
         result="用户已在电脑端和手机端重新登录成功，收发消息正常。",
         progress="已确认账号处于冻结状态，一线无后台解冻权限", support="需要二线在管理后台解冻并检查同步任务",
         esc_reason="需要管理员权限解冻账号"),
    dict(k="sso-loop", cat="account_access", lang="en", kw="SSO", tags=["sso", "salesforce"],
         imp="medium", urg="medium", env="desk", esc=1,
         title="SSO redirect loop when opening Salesforce",
         desc="After I enter my password and approve the MFA prompt, the browser keeps bouncing between login.example-corp.com and Salesforce and never loads. Same in Chrome and Edge.",
         freq="every time", steps="cleared browser history, tried InPrivate window",
         cause="The browser held a stale SAML session cookie issued before last week's IdP certificate rotation.",
         solution="Cleared the IdP and Salesforce cookies, re-registered the MFA device and confirmed the new IdP certificate is trusted on the laptop.",
         result="User signed in to Salesforce in Chrome and Edge; no more redirects.",
         progress="reproduced on the user's profile only; other users fine", support="IdP admin to check the user's session and SAML assertions",
         esc_reason="needs IdP admin access"),
    dict(k="reset-expired", cat="account_access", lang="en", kw="password reset", tags=["password"],
         imp="low", urg="medium", env="desk", esc=0,
         title="Password reset link expired before I could use it",
         desc="I requested a password reset at 9:05 but the email only arrived at 9:45 and the link says it has expired. I am locked out of my laptop's VPN profile.",
         freq="happened twice this morning", steps="requested the reset link again",
         cause="Reset links are valid for 15 minutes and the e-mail was held 40 minutes in the mail gateway's attachment-scan queue.",
         solution="Verified the user by call-back, issued a new reset link by SMS, and asked the mail team to exempt the IdP sender from the scan queue.",
         result="User set a new password and is connected to VPN; gateway queue is back to normal."),
    dict(k="share-access", cat="account_access", lang="zh", kw="访问权限", tags=["file_share", "permission"],
         imp="low", urg="low", env="desk", esc=0,
         title="申请开通共享盘 \\\\fs01\\finance 的访问权限",
         desc="我本月从销售部调到财务部，需要访问 \\\\fs01\\finance 下的月结资料，现在打开提示“你没有权限访问”。部门经理已同意。",
         freq="每次", steps="注销后重新登录过",
         cause="用户调岗后 AD 账号尚未加入财务共享盘的权限组 FS01-Finance-RW。",
         solution="经部门负责人邮件审批后，将账号加入 FS01-Finance-RW 组，并指导用户注销后重新登录刷新权限。",
         result="用户已能正常读写 \\\\fs01\\finance 下的文件。"),
    dict(k="invoice-wrong", cat="billing", lang="zh", kw="发票", tags=["invoice"],
         imp="medium", urg="medium", env=None, esc=1,
         title="发票金额与合同不符 {inv}",
         desc="收到的 10 月服务费发票 {inv} 比合同金额多了 1,200 元，财务这边无法入账，请核实后重新开具。",
         freq="仅本月发票", steps="已核对合同附件和付款记录",
         cause="计费系统在月中升级套餐时重复计算了半个月的旧套餐费用。",
         solution="与计费组核对后作废原发票，按合同金额重新开具电子发票并发送至财务邮箱。",
         result="客户财务已确认新发票金额正确并完成入账。",
         progress="已核对合同与账单，差额为重复计费", support="需要计费组作废并重开发票", esc_reason="需要计费组处理"),
    dict(k="double-charge", cat="billing", lang="en", kw="charge", tags=["payment", "refund"],
         imp="medium", urg="medium", env=None, esc=1,
         title="Duplicate charge on corporate card for the October subscription",
         desc="Our corporate card was charged twice (2 x 4,800 CNY) for the October subscription on the same day. Please refund the duplicate.",
         freq="once", steps="checked the card statement and the billing page",
         cause="The payment gateway timed out and the retry job charged the card a second time.",
         solution="Refunded the duplicate charge (reference RF-{n}) and added an idempotency key to the retry job.",
         result="Refund is visible on the card statement; customer confirmed.",
         progress="duplicate confirmed in the gateway log", support="billing team to issue the refund", esc_reason="refund needs billing team"),
    dict(k="export-crash", cat="bug", lang="en", kw="crash", tags=["deskportal", "export"],
         imp="medium", urg="high", env="desk", app=True, esc=2,
         title="DeskPortal crashes when exporting report to Excel",
         desc="Every time I export the monthly report with more than ~5,000 rows the app freezes and closes. Error: \"System.OutOfMemoryException\". Smaller exports work fine.",
         freq="every time with large reports", steps="reinstalled the client, cleared %LOCALAPPDATA%\\DeskPortal\\cache",
         cause="The export built the whole workbook in memory; the 32-bit client hits its 2 GB address limit on large reports (defect DP-4821).",
         solution="R&D shipped hotfix 5.12.4 that streams rows to disk; installed it on the user's laptop. Until rollout, CSV export is the workaround.",
         result="A 48,000-row export now completes in 35 s without crashing.",
         progress="reproduced on a test VM with 6,000 rows; memory grows to 2 GB", support="code fix in the export module",
         esc_reason="reproducible bug, needs dev team"),
    dict(k="oa-500", cat="bug", lang="zh", kw="报错", tags=["oa", "expense"],
         imp="medium", urg="medium", env="desk", esc=2,
         title="OA系统提交报销单时报错“500 Internal Server Error”",
         desc="在 OA 系统提交差旅报销单，点“提交”后页面报错 500 Internal Server Error，换了浏览器也一样。附件是发票照片。",
         freq="每次提交都出现", steps="换过 Chrome 和 Edge，清除了缓存",
         cause="OA 报销模块在附件文件名包含全角括号时生成了非法存储路径，服务端抛出异常。",
         solution="研发发布补丁修复文件名转义；已失败的单据由二线在后台重新提交。",
         result="用户重新提交的报销单已进入审批流程，同类附件测试通过。",
         progress="已复现：附件名含全角括号必现，服务端日志有异常堆栈", support="需要研发修复附件路径转义",
         esc_reason="可复现缺陷，需要研发修复"),
    dict(k="dashboard-stale", cat="bug", lang="en", kw="not refreshing", tags=["dashboard", "etl"],
         imp="high", urg="medium", env="desk", esc=1, intermittent=True,
         title="Sales dashboard not refreshing since Monday",
         desc="The sales dashboard still shows Monday's figures. Our regional managers use it for the weekly forecast call, so the whole team is affected.",
         freq="since Monday, every refresh", steps="refreshed, tried another browser",
         cause="The nightly ETL job failed after a schema change in the sales table, so the dashboard kept serving cached data.",
         solution="Tier 2 fixed the column mapping in the ETL job and re-ran the missed loads.",
         result="Dashboard shows current figures; the job succeeded on the next two nightly runs.",
         progress="ETL job log shows a column mapping error", support="data platform team to fix the job", esc_reason="needs data platform access"),
    dict(k="crm-null", cat="bug", lang="zh", kw="显示异常", tags=["crm", "data_quality"],
         imp="medium", urg="low", env="desk", esc=2,
         title="CRM 客户详情页字段显示异常，出现 \"null\"",
         desc="CRM 客户详情页里“备用电话”“传真”几个字段显示成字面量 \"null\"，导出 Excel 也是 null，影响客户资料核对。",
         freq="大部分老客户记录都有", steps="刷新页面，换浏览器",
         cause="上月数据迁移脚本把空字符串写成了字面量 \"null\"。",
         solution="执行数据修复脚本将 3,412 条记录中的 \"null\" 置空，并在页面上增加空值判断。",
         result="抽查 50 条客户记录显示正常，用户确认。",
         progress="已确认为迁移数据问题，影响约 3 千条记录", support="需要研发出数据修复脚本", esc_reason="需要研发修复数据"),
    dict(k="gl-slow", cat="performance", lang="zh", kw="很慢", tags=["finance_system", "month_end"],
         imp="high", urg="medium", env="desk", esc=1,
         title="财务系统月底结账时响应很慢",
         desc="这两天打开凭证列表要等一分钟以上，经常超时，整个财务部都受影响，月底结账压力很大。",
         freq="上午 10 点到 12 点最明显", steps="清除了浏览器缓存，换了电脑",
         cause="月结期间凭证表缺少按会计期间的组合索引，查询走全表扫描。",
         solution="二线 DBA 在午间维护窗口为凭证表增加组合索引并更新统计信息。",
         result="凭证列表打开时间从约 70 秒降到 2 秒以内，财务部确认。",
         progress="已确认是数据库慢查询", support="需要 DBA 分析执行计划", esc_reason="需要数据库权限"),
    dict(k="teams-cpu", cat="performance", lang="en", kw="slow", tags=["teams", "cpu"],
         imp="low", urg="medium", env="pc", esc=1,
         title="Teams very slow and high CPU since the update",
         desc="Since Teams updated on Tuesday it uses 70-80% CPU, video calls stutter and the fan never stops.",
         freq="all day", steps="restarted the laptop, signed out and in",
         cause="GPU hardware acceleration conflicts with the outdated Intel graphics driver after the Teams update.",
         solution="Updated the graphics driver to 31.0.101.5186 and cleared the Teams cache.",
         result="Teams CPU use dropped from ~80% to under 10%; calls are smooth.",
         progress="driver version confirmed outdated; update blocked by policy", support="admin rights to push the driver", esc_reason="requires admin rights"),
    dict(k="vpn-drop", cat="network", lang="zh", kw="VPN", tags=["vpn", "remote"],
         imp="medium", urg="high", env="desk", esc=1, intermittent=True,
         title="VPN 连接后每隔几分钟就断开",
         desc="在家办公连 VPN，连上后每隔几分钟就断开重连，视频会议经常掉线。用手机热点好像好一点。",
         freq="每 5-10 分钟一次", steps="重启路由器，重装了 VPN 客户端",
         cause="家用路由器开启了 SIP ALG 且 MTU 偏大，VPN 隧道分片丢包。",
         solution="指导用户关闭路由器 SIP ALG，并在客户端将 MTU 调整为 1380。",
         result="用户连续使用 4 小时未再断线。",
         progress="客户端日志显示 DPD 超时，疑似网络侧问题", support="需要网络组分析 VPN 网关日志", esc_reason="需要网络组查看网关日志"),
    dict(k="dns-office", cat="network", lang="en", kw="Cannot reach", tags=["dns", "wifi"],
         imp="medium", urg="medium", env="desk", esc=1,
         title="Cannot reach git.corp.local from the office Wi-Fi",
         desc="On the 5th floor Wi-Fi git.corp.local does not resolve (\"Could not resolve host\"). On the LAN cable it works.",
         freq="every time on Wi-Fi", steps="ipconfig /flushdns, reconnected to Wi-Fi",
         cause="The 5F Wi-Fi DHCP scope handed out a retired DNS server that no longer serves internal zones.",
         solution="Network team corrected DHCP option 6 on the 5F scope; user renewed the lease.",
         result="git.corp.local resolves and git clone works over the office Wi-Fi.",
         progress="nslookup fails only against 10.20.0.53", support="network team to fix the DHCP scope", esc_reason="needs network team"),
    dict(k="door-sync", cat="hardware", lang="zh", kw="无法同步", tags=["access_control", "attendance"],
         imp="high", urg="medium", env="door", esc=3,
         title="门禁考勤机无法同步打卡数据",
         desc="1F 大堂门禁考勤机从本周一起无法把打卡数据同步到人事系统，人力资源部月底要核算考勤，请尽快处理。",
         freq="每次同步都失败", steps="重启了考勤机，检查了网线",
         cause="门禁控制器固件 V3.2.1 存在时钟漂移缺陷，同步接口签名校验失败。",
         solution="厂商远程升级控制器固件至 V3.2.4，并重新同步当月打卡记录。",
         result="11 月打卡数据已完整同步，人力资源部核对无误。",
         progress="设备网络正常，同步接口返回签名错误", support="需要研发排查人事系统同步接口", esc_reason="需要二线排查同步接口",
         progress_rnd="人事系统接口正常，控制器上报的签名时间戳偏差 9 分钟", support_rnd="需要研发确认控制器时钟与签名逻辑"),
    dict(k="printer-jam", cat="hardware", lang="zh", kw="打印机", tags=["printer"],
         imp="low", urg="medium", env="printer", esc=0,
         title="5楼打印机无法打印，提示卡纸但里面没有纸",
         desc="5 楼东侧打印机一直提示“卡纸”，打开所有盖板都没看到纸，部门的合同都打不出来。",
         freq="一直提示", steps="关机重启过，打开盖板检查过",
         cause="进纸传感器沾有碎纸屑，导致误报卡纸。",
         solution="现场清理进纸通道和传感器，并更换磨损的搓纸轮。",
         result="连续打印 50 页测试无异常。"),
    dict(k="battery", cat="hardware", lang="en", kw="battery", tags=["laptop", "warranty"],
         imp="low", urg="low", env="pc", esc=1,
         title="Laptop battery drains in under 2 hours",
         desc="My laptop goes from 100% to 10% in less than two hours of normal office work. It is only a year old.",
         freq="every day", steps="enabled battery saver",
         cause="Battery health at 61% (912 cycles) and a search indexer stuck at 100% CPU.",
         solution="Replaced the battery under warranty and rebuilt the search index.",
         result="Battery lasts about 8 hours in normal use.",
         progress="battery report attached", support="warranty replacement", esc_reason="hardware replacement needed"),
    dict(k="dock", cat="hardware", lang="en", kw="not detected", tags=["dock", "monitor"],
         imp="low", urg="medium", env="pc", esc=0,
         title="Docking station not detected, external monitors stay black",
         desc="After this morning's BIOS update my docking station is not detected and both external monitors stay black. USB keyboard on the dock does not work either.",
         freq="every time", steps="re-plugged the dock, restarted",
         cause="The dock firmware is incompatible with the new BIOS version.",
         solution="Updated the dock firmware to 1.0.44 and the DisplayLink driver.",
         result="Both monitors are detected after reboot and after undocking and redocking."),
    dict(k="keyboard", cat="hardware", lang="zh", kw="失灵", tags=["laptop", "keyboard"],
         imp="low", urg="medium", env="pc", esc=0,
         title="笔记本键盘部分按键失灵",
         desc="笔记本键盘 E、R、T 几个键按了没反应，外接键盘正常。前两天不小心洒了点茶水。",
         freq="一直如此", steps="重启过，外接键盘可用",
         cause="键盘进液导致排线接口氧化。",
         solution="在保修范围内更换键盘模块，并清洁排线接口。",
         result="所有按键测试正常，已交还用户。"),
    dict(k="visio", cat="software_install", lang="zh", kw="安装", tags=["license", "visio"],
         imp="low", urg="low", env="pc", esc=0,
         title="需要安装 Visio 2021",
         desc="工作需要画流程图，申请安装 Visio 2021，软件中心里搜不到。",
         freq="不适用", steps="在软件中心搜索过",
         cause="用户所在部门未分配 Visio 许可证，软件中心因此不显示该软件。",
         solution="经部门审批后分配许可证，通过软件中心推送安装。",
         result="Visio 已安装并激活，用户已打开使用。"),
    dict(k="msi-643", cat="software_install", lang="en", kw="Installer fails", tags=["installer", "deskportal"],
         imp="low", urg="medium", env="pc", app=True, esc=1,
         title="Installer fails with error 0x80070643",
         desc="The DeskPortal 5.12.3 update fails at the end with \"Fatal error during installation (0x80070643)\". The old version no longer starts either.",
         freq="every attempt", steps="ran the installer as admin, rebooted",
         cause="A leftover MSI product code from the previous version blocked the upgrade.",
         solution="Removed the orphaned product entry with the MSI cleanup tool and reinstalled 5.12.3.",
         result="Installation completed; the app starts and signs in.",
         progress="MSI log shows error 1603 on the product code", support="admin rights to clean the MSI registry", esc_reason="requires admin rights"),
    dict(k="cad-license", cat="software_install", lang="en", kw="License activation", tags=["license", "autocad"],
         imp="medium", urg="medium", env="pc", esc=1,
         title="License activation failed for AutoCAD",
         desc="AutoCAD says \"No license available\" when I start it. Two colleagues have the same problem since this morning.",
         freq="every start", steps="restarted, signed out of Autodesk account",
         cause="The licence server reached its seat limit; 4 seats were still held by people who have left.",
         solution="Released the stale seats and set a 30-day idle reclaim policy on the licence server.",
         result="All three users activated AutoCAD; 3 seats remain free.",
         progress="licence server shows 50/50 seats in use", support="licence server admin", esc_reason="needs licence server admin"),
    dict(k="q3-export", cat="data_request", lang="zh", kw="导出", tags=["audit", "crm"],
         imp="low", urg="medium", env=None, esc=0,
         title="申请导出 2026 年 Q3 客户名单用于审计",
         desc="外部审计需要 2026 年第三季度新增客户名单（客户名称、签约日期、合同金额），请帮忙导出，下周一前需要。",
         freq="一次性", steps="已获部门负责人同意",
         cause="属于数据申请，不涉及故障。",
         solution="经法务和数据负责人审批后，从 CRM 导出脱敏后的客户名单，通过加密链接发送。",
         result="审计组已下载并确认字段完整。"),
    dict(k="restore-folder", cat="data_request", lang="en", kw="Restore", tags=["backup", "file_share"],
         imp="medium", urg="high", env="desk", esc=1,
         title="Restore deleted folder on the shared drive",
         desc="The folder \\\\fs01\\marketing\\2026-campaigns disappeared this morning. We need it for a client presentation tomorrow.",
         freq="once", steps="checked the recycle bin and previous versions",
         cause="The folder was deleted by a colleague's sync client during a rename conflict.",
         solution="Restored the folder from last night's snapshot to its original path.",
         result="All 1,284 files are back; the user confirmed nothing is missing.",
         progress="folder not in recycle bin; snapshot from 02:00 available", support="storage admin to restore from snapshot", esc_reason="needs storage admin"),
    dict(k="oa-import", cat="feature_request", lang="zh", kw="希望增加", tags=["oa", "feature"],
         imp="low", urg="low", env=None, esc=0,
         title="希望 OA 系统增加批量导入功能",
         desc="每月要录入 200 多条固定资产记录，只能一条条录，希望增加 Excel 批量导入功能。",
         freq="每月", steps="无",
         cause="现有版本不支持批量导入，属于功能需求，不是故障。",
         solution="已登记为需求 REQ-{n} 提交产品评审；本次先用 Excel 模板加导入脚本的临时方案处理。",
         result="用户已用临时方案完成本月导入，需求进入下季度排期。"),
    dict(k="dark-mode", cat="feature_request", lang="en", kw="Add", tags=["deskportal", "feature"],
         imp="low", urg="low", env="desk", app=True, esc=0,
         title="Add dark mode to DeskPortal",
         desc="Could DeskPortal get a dark theme? Several of us work late shifts and the white screen is hard on the eyes.",
         freq="n/a", steps="looked for a theme setting",
         cause="Not a fault: the current release has no dark theme.",
         solution="Logged feature request FR-{n} and shared the high-contrast theme as an interim option.",
         result="User is using the high-contrast theme; dark mode is on the roadmap for 6.1."),
    dict(k="phish", cat="security", lang="zh", kw="钓鱼", tags=["phishing", "incident"],
         imp="high", urg="high", env="desk", esc=1,
         title="收到疑似钓鱼邮件，已点击链接并输入了密码",
         desc="收到一封“OA 密码即将过期”的邮件，点了链接并输入了账号密码，后来发现网址不对，担心账号被盗。",
         freq="一次", steps="已断开网络",
         cause="用户在仿冒 OA 登录页的钓鱼网站上输入了密码。",
         solution="立即重置密码并强制下线所有会话，封禁钓鱼域名，安全组排查近 24 小时登录日志。",
         result="未发现异常登录，账号已恢复使用，已向全员发布钓鱼预警。",
         progress="已重置密码、强制下线", support="需要安全组排查登录日志", esc_reason="需要安全审查"),
    dict(k="unknown-login", cat="security", lang="en", kw="sign-in", tags=["mfa", "incident"],
         imp="high", urg="high", env="mobile", esc=1,
         title="Unknown sign-in from a new location",
         desc="I got an alert about a sign-in to my account from Dubai an hour ago. I am in Shanghai. Please check if my account is compromised.",
         freq="once", steps="changed my password",
         cause="The sign-in came from the user's own phone roaming on a travel eSIM, not from an attacker.",
         solution="Verified with the user, reviewed the sign-in logs, re-registered MFA and added a travel notice.",
         result="No compromise found; account unchanged and monitored for 7 days.",
         progress="sign-in logs exported", support="security team review", esc_reason="security review required"),
    dict(k="lost-laptop", cat="security", lang="en", kw="Lost", tags=["lost_device", "mdm"],
         imp="high", urg="high", env="pc", esc=1,
         title="Lost laptop at the airport",
         desc="I left my work laptop at security in Pudong airport T2. It has customer contracts on it. Please lock it.",
         freq="once", steps="called the airport lost and found",
         cause="Device lost while travelling.",
         solution="Remote-locked and wiped the laptop via MDM, revoked its certificates and issued a loaner.",
         result="Wipe confirmed by MDM; user is working on the loaner laptop.",
         progress="device located in MDM, lock sent", support="security team to revoke certificates", esc_reason="security review required"),
    dict(k="mailbox-full", cat="account_access", lang="zh", kw="邮箱", tags=["mailbox", "quota"],
         imp="low", urg="high", env="desk", esc=0,
         title="邮箱提示空间已满，收不到邮件",
         desc="Outlook 提示邮箱已满，客户说给我发邮件被退回了，急需处理。",
         freq="今天开始", steps="删除了部分邮件",
         cause="邮箱配额 2 GB 已用满，已删除邮件仍占用“已删除邮件”文件夹空间。",
         solution="指导用户清空已删除邮件并开启在线存档，同时将配额调整为 5 GB。",
         result="邮箱可用空间 3.1 GB，客户重发的邮件已收到。"),
]
SC = {s["k"]: s for s in S}

# ---------------------------------------------------------------- text templates
FACT_ZH = {"occurred_at": "问题首次出现的时间", "frequency": "出现的频率", "steps_tried": "您已尝试过的操作"}
FACT_EN = {"occurred_at": "when it first happened", "frequency": "how often it happens",
           "steps_tried": "what you have already tried"}
GOOD_ZH = ["问题解决得很快，非常满意！", "服务态度很好，讲解很耐心。", "工程师很专业，一次就解决了。", "谢谢，处理得很及时。"]
GOOD_EN = ["Quick and helpful, thanks!", "Great support, very patient.", "Solved on the first call.",
           "Clear explanation of what went wrong."]
MID_ZH = ["总体还可以，就是等的时间有点长。", "解决了，但中间没人告知进度。"]
MID_EN = ["Fine in the end, but I had to chase for updates.", "OK, took a bit longer than expected."]
BAD_ZH = ["响应太慢了，等了大半天才有人联系我。", "问题反复出现，来回折腾了好几次。"]
MISSED_ZH = "打了两次电话都没人接，第二天才回拨。"
MISSED_EN = "Nobody picked up the phone and the call-back came the next day."
BAD_EN = ["Took far too long and nobody told me what was going on.", "Had to explain the issue three times to different people.",
          "Workaround only, not a real fix - the problem came back."]
REOPEN_ZH = ["问题又出现了，和上次一样。", "用户反馈修复后第二天再次复现。"]
REOPEN_EN = ["The problem is back after one day.", "Customer reports the same error again after the fix."]

CN_NAMES = [("张伟", "zhang.wei"), ("王芳", "wang.fang"), ("李娜", "li.na"), ("刘洋", "liu.yang"), ("陈静", "chen.jing"),
            ("杨磊", "yang.lei"), ("赵敏", "zhao.min"), ("黄晓东", "huang.xiaodong"), ("周杰", "zhou.jie"),
            ("吴秀英", "wu.xiuying"), ("徐涛", "xu.tao"), ("孙丽", "sun.li"), ("胡建华", "hu.jianhua"), ("朱娟", "zhu.juan"),
            ("高明", "gao.ming"), ("郭超", "guo.chao"), ("林婷", "lin.ting"), ("何勇", "he.yong"), ("马艳", "ma.yan"),
            ("罗军", "luo.jun")]
EN_NAMES = ["James Miller", "Mary Johnson", "Priya Patel", "Lukas Schmidt", "Sofia Rossi", "Emma Dubois",
            "Noah Kim", "Yuki Tanaka", "Olga Ivanova", "Omar Hassan", "Chloe Martin", "Arjun Singh",
            "Anna Kowalski", "Mateo Silva", "Liam O'Brien", "Fatima Khan"]
DEPTS_ZH = ["财务部", "销售部", "研发中心", "人力资源部", "市场部", "法务部", "行政部"]
DEPTS_EN = ["Finance", "Sales", "Engineering", "HR", "Marketing", "Legal", "Operations", "Customer Success"]
DEVICES_PC = ["ThinkPad T14 Gen 4", "ThinkPad X1 Carbon Gen 11", "Dell Latitude 7440", "HP EliteBook 840 G10"]
DEVICES_MAC = ["MacBook Pro 14 (M3)", "MacBook Air 13 (M2)"]
DEVICES_MOBILE = [("iPhone 15", "iOS 18.1"), ("Huawei Mate 60", "HarmonyOS 4.2"), ("Xiaomi 14", "Android 15")]
OS_PC = ["Windows 11 23H2", "Windows 11 24H2", "Windows 10 22H2"]
OS_MAC = ["macOS 14.6", "macOS 15.1"]


def make_people(rng):
    people = []
    for i, (cn, py) in enumerate(CN_NAMES):
        p = {"name": cn, "email": f"{py}@example-corp.com",
             "phone": f"+86 1{rng.randint(30, 89)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
             "department": rng.choice(DEPTS_ZH)}
        if i % 3 == 0:
            p["account"] = "u%05d" % rng.randint(10000, 99999)
        if i % 4 == 1:
            p = {"name": p["name"], "contact": f"企业微信: {py.replace('.', '')}", **{k: v for k, v in p.items() if k != "name"}}
        people.append((p, "zh"))
    for i, n in enumerate(EN_NAMES):
        f, l = n.split(" ", 1)
        em = f"{f.lower()}.{l.lower().replace(chr(39), '')}@example-corp.com"
        p = {"name": n, "email": em, "phone": f"+86 21 {rng.randint(5000, 6999)} {rng.randint(1000, 9999)}",
             "department": rng.choice(DEPTS_EN)}
        if i % 3 == 1:
            p["account"] = "u%05d" % rng.randint(10000, 99999)
        if i % 5 == 2:
            p = {"name": n, "contact": f"Teams: @{f.lower()}", **{k: v for k, v in p.items() if k != "name"}}
        people.append((p, "en"))
    return people


def local_hm(t):
    return dt.datetime.fromtimestamp(t + SH, UTC).strftime("%m-%d %H:%M")


# ---------------------------------------------------------------- opened_at sampling
def sample_open(rng, lo, hi, walk_in=False, off_hours_p=0.12):
    """An instant in [lo, hi): a weighted day, then business hours mostly."""
    for _ in range(2000):
        t = rng.randrange(lo, hi)
        d = local_date(t)
        w = 1.0 if workday(d) else (0.12 if d in HOLIDAYS else 0.15)
        if rng.random() > w:
            continue
        biz = in_business(t)
        if walk_in and not biz:
            continue
        if biz or rng.random() < off_hours_p * 0.5:
            return t
    raise RuntimeError("no opened_at found")


# ---------------------------------------------------------------- one ticket's life
class Reject(Exception):
    pass


def simulate(plan, o, rng, people):
    sc, ch, status = plan["sc"], plan["channel"], plan["status"]
    person, plang = plan["person"]
    lang = sc["lang"]
    zh = lang == "zh"
    owner = plan["owner"]
    seq = [0]
    events = []

    def E(t, by, event, **kw):
        if t > NOW:
            raise Reject
        seq[0] += 1
        events.append((t, seq[0], dict({"at": ts(t), "by": by, "event": event}, **kw)))

    cust = person.get("email") or person["name"]
    fill = dict(inv=f"INV-{rng.randint(202610000, 202611999)}", n=rng.randint(1000, 9999))
    title = sc["title"].format(**fill)
    desc = sc["desc"].format(**fill)
    # impact x urgency -> priority: high x high, or high impact x medium urgency -> high;
    # (high, low) / (medium, medium) / (medium, high) -> medium; anything lower -> low
    lvl = ["low", "medium", "high"]
    imp, urg = sc["imp"], sc["urg"]
    if plan.get("bump") == "up":
        urg = lvl[min(2, lvl.index(urg) + 1)]
    elif plan.get("bump") == "down":
        urg = lvl[max(0, lvl.index(urg) - 1)]
    s = lvl.index(imp) + lvl.index(urg)
    pri = "high" if s == 4 or (s == 3 and imp == "high") else "medium" if s >= 2 else "low"
    h24 = pri in H24
    classified = not plan.get("unclassified")
    # the phone line is staffed in business hours (24x7 only for high priority): other calls go to
    # voicemail and are called back, as the ITSS spec requires
    missed = plan.get("missed", False) or (ch == "phone" and not in_business(o) and not h24)

    # facts given at intake
    missing = [f for f in ("occurred_at", "frequency", "steps_tried") if f in plan.get("missing", [])]
    occurred = o - rng.choice([rng.randint(600, 5400), rng.randint(3 * 3600, 20 * 3600), rng.randint(86400, 4 * 86400)])

    E(o, owner or "intake", "opened", channel=ch, **({"answered": False} if missed else {}))
    cur = o
    fr = None
    if status != "open":
        if ch == "phone" and not missed:
            fr = o + rng.randint(12, 75)
        elif ch == "walk_in":
            fr = o + rng.randint(30, 240)
        else:
            base = {"phone": (180, 900), "chat": (30, 620), "im": (40, 330), "email": (180, 1100), "web": (150, 1000)}[ch]
            if plan.get("slow_fr"):
                base = (FR_TARGET[ch] + 300, FR_TARGET[ch] * 6)
            d = rng.randint(*base)
            if h24 and not in_business(o):
                fr = o + d + rng.randint(0, 600)  # on-call engineer
            else:
                fr = add_business(o, 0) + d if not in_business(o) else add_business(o, d)
    t_cls = None
    if classified:
        if ch in ("phone", "walk_in"):
            t_cls = (fr or o) + rng.randint(60, 420)
        elif in_business(o) or h24:
            t_cls = o + rng.randint(40, 300)
        else:
            t_cls = add_business(o, rng.randint(30, 200))
        if status == "open" and t_cls > NOW:
            t_cls = None
            classified = False
    if fr is not None:
        if missed:
            txt = "刚才未能及时接听您的来电，非常抱歉，现在回拨为您处理。" if zh else "Sorry we missed your call - calling you back now."
        elif zh:
            txt = f"您好，我是服务台 {owner}，已收到您的问题，正在排查，预计 {local_hm(add_work(fr, 7200, h24))} 前给您答复。"
        else:
            txt = f"Hi {person['name'].split()[0]}, {owner} from the service desk here. I'm on it and will update you by {local_hm(add_work(fr, 7200, h24))} (Shanghai time)."
        E(fr, owner, "replied", text=txt)
        cur = fr
    if classified:
        E(t_cls, owner, "classified", priority=pri, category=sc["cat"])
        cur = max(cur, t_cls)

    paused = 0
    waiting_open = False

    def do_wait(cur, final):
        nonlocal paused, missing
        w = add_work(cur, rng.randint(600, 5400), h24)
        if missing:
            ask = ("为便于排查，请补充：" + "、".join(FACT_ZH[m] for m in missing) + "。") if zh else \
                ("To narrow this down, could you tell us " + ", ".join(FACT_EN[m] for m in missing) + "?")
        else:
            ask = "请在方便时告知可以远程协助的时间，我们会远程连接查看。" if zh else \
                "Please let us know a convenient time for a remote session."
        E(w, owner, "waiting", text=ask)
        if final:
            return w
        back = w + rng.choice([rng.randint(1800, 6 * 3600), rng.randint(18 * 3600, 60 * 3600)])
        if rng.random() < 0.7 and not in_business(back):
            back = add_business(back, rng.randint(300, 5400))
        if missing:
            reply = (f"{sc['freq']}；已经{sc['steps']}。" if zh else f"It started around {local_hm(occurred)}; {sc['freq']}; I {sc['steps']}.")
        else:
            reply = "明天上午十点以后都可以。" if zh else "Any time after 10:00 tomorrow works."
        E(back, cust, "customer_replied", text=reply)
        paused += work_between(w, back, h24)
        missing = []
        return back

    escalations = []
    esc_req = None

    def do_escalate(cur):
        nonlocal esc_req
        depth = plan.get("depth", 0)
        for k in range(depth):
            frm, to = TIERS[k], TIERS[k + 1]
            if k == 0:
                trig = plan.get("trigger") or rng.choices(["time_limit", "complexity", "manual"], [35, 50, 15])[0]
                if trig == "customer_request":
                    rq = add_work(cur, rng.randint(900, 5400), h24)
                    E(rq, cust, "customer_replied",
                      text="问题比较急，请升级给二线处理。" if zh else "This is urgent for us - please escalate.")
                    esc_req = {"at": ts(rq), "reason": "用户要求升级" if zh else "customer asked for escalation"}
                    at = rq + rng.randint(300, 1800)
                    reason = "用户要求升级处理" if zh else "customer requested escalation"
                elif trig == "time_limit":
                    at = max(add_work(o, TIER1_LIMIT, h24), cur) + rng.randint(30, 600)
                    reason = "一线处理超过 2 小时仍未解决" if zh else "tier 1 time limit (2h) reached"
                elif trig == "manual":
                    at = add_work(cur, rng.randint(600, 3600), h24)
                    reason = ("部门负责人要求优先处理；" if zh else "VIP user, team lead asked to expedite; ") + sc.get("esc_reason", "")
                else:
                    at = add_work(cur, rng.randint(900, 5400), h24)
                    reason = sc.get("esc_reason", "root cause unclear")
                by = owner
            else:
                trig = "complexity"
                at = add_work(cur, rng.randint(3600, 8 * 3600), h24)
                reason = {"rnd": "二线确认为产品缺陷，需要研发修复" if zh else "confirmed product defect, needs R&D",
                          "vendor": "研发确认为设备固件问题，需要厂商处理" if zh else "firmware issue, needs the vendor"}[to]
                by = escalations[-1]["_recv"]
            recv = rng.choice(RECEIVERS[to])
            steps = sc["steps"] if k == 0 else ("已在测试环境复现并收集日志" if zh else "reproduced in test, logs collected")
            prog = sc.get("progress", "") if k == 0 else sc.get("progress_" + to) or \
                ({"rnd": "已定位到服务端异常，附日志与复现步骤", "vendor": "已排除网络与配置问题，确认设备固件缺陷"}[to] if zh else
                 {"rnd": "isolated to a server-side defect; logs and repro steps attached", "vendor": "network and config ruled out; firmware defect"}[to])
            need = sc.get("support", "") if k == 0 else sc.get("support_" + to) or \
                ({"rnd": "需要研发出补丁", "vendor": "需要厂商提供固件升级"}[to] if zh else
                 {"rnd": "code fix", "vendor": "vendor firmware"}[to])
            e = {"from": frm, "to": to, "at": ts(at), "by": by, "trigger": trig, "reason": reason,
                 "handoff": {"description": desc if len(desc) <= 90 else desc[:88].rstrip() + "…",
                             "steps_tried": steps, "progress": prog, "support_needed": need}, "_recv": recv}
            E(at, by, "escalated", **{"from": frm, "to": to, "trigger": trig})
            cur = at
            if not plan.get("no_ack") or k < depth - 1:
                ack = add_work(at, rng.randint(300, 2700), h24 or to == "vendor")
                span = {"tier2": (2 * 3600, 10 * 3600), "rnd": (8 * 3600, 24 * 3600), "vendor": (16 * 3600, 40 * 3600)}[to]
                eta = add_work(ack, rng.randint(*span), h24)
                e["ack_at"], e["eta"] = ts(ack), ts(eta)
                E(ack, recv, "acknowledged", tier=to, eta=ts(eta))
                e["_ack"], e["_eta"] = ack, eta
                cur = ack
            escalations.append(e)
        return cur

    if status == "waiting":
        cur = do_escalate(cur)
        cur = do_wait(cur, final=True)
        waiting_open = True
    elif status in ("in_progress", "escalated", "observing", "resolved", "closed"):
        if plan.get("wait"):
            cur = do_wait(cur, final=False)
        if plan.get("trigger") == "customer_request" and not plan.get("depth"):
            rq = add_work(cur, rng.randint(900, 3600), h24)
            E(rq, cust, "customer_replied", text="问题比较急，请尽快升级处理。" if zh else "Please escalate, this is blocking us.")
            esc_req = {"at": ts(rq), "reason": "用户要求升级" if zh else "customer asked for escalation"}
            cur = rq
        cur = do_escalate(cur)
    tier = escalations[-1]["to"] if escalations else "tier1"
    assignee = escalations[-1]["_recv"] if escalations else owner

    resolution = None
    reopened = []
    survey = None
    res_breach = None

    def resolve_at(cur):
        if escalations and "_eta" in escalations[-1]:
            e = escalations[-1]
            span = max(1800, work_between(e["_ack"], e["_eta"], h24))
            return add_work(max(cur, e["_ack"]), int(span * rng.uniform(0.4, 1.5)), h24)
        if h24:
            return cur + rng.randint(1200, 4 * 3600)
        if ch == "walk_in" or sc["esc"] == 0 and rng.random() < 0.5:
            return add_business(cur, rng.randint(600, 2 * 3600))
        return add_business(cur, rng.randint(1800, 9 * 3600) if pri == "medium" else rng.randint(3600, 20 * 3600))

    def do_resolve(r, observe=True, final_observing=False):
        resolver = assignee
        res = {"cause": sc["cause"].format(**fill), "solution": sc["solution"].format(**fill),
               "result": sc["result"].format(**fill), "by": resolver, "at": ts(r)}
        obs = 24 * 3600 if sc.get("intermittent") else OBSERVE
        kw = {}
        if observe:
            res["observe_until"] = ts(r + obs)
            kw["observe_until"] = ts(r + obs)
        E(r, resolver, "resolved", **kw)
        if escalations:
            E(r + rng.randint(120, 900), owner, "replied",
              text="已将处理结果（原因、处理方案、处理结果）告知用户。" if zh else "Told the requester the cause, the fix and the result.")
        if observe and not final_observing:
            c = r + obs + rng.randint(60, 1500)
            if not h24 and ch != "walk_in":
                c = max(c, add_business(r + obs, rng.randint(60, 1500)))
            res["confirmed_at"] = ts(c)
            E(c, owner, "confirmed")
            return res, c
        return res, r

    if status == "observing":
        r = NOW - (rng.randint(2 * 3600, 20 * 3600) if sc.get("intermittent") else rng.randint(300, 1500))
        if r < cur + 600:
            raise Reject
        resolution, cur = do_resolve(r, final_observing=True)
    elif status in ("resolved", "closed") or plan.get("reopen"):
        r = resolve_at(cur)
        observe = plan.get("observe", True)
        resolution, cur = do_resolve(r, observe=observe)
        if plan.get("reopen"):
            ro = cur + rng.randint(6 * 3600, 3 * 86400)
            ro = add_business(ro, rng.randint(300, 3 * 3600)) if not h24 else ro
            reason = rng.choice(REOPEN_ZH if zh else REOPEN_EN)
            E(ro, owner, "reopened", reason=reason)
            reopened.append({"at": ts(ro), "reason": reason})
            back = add_work(ro, rng.randint(300, 1800), h24)
            E(back, owner, "replied", text="已重新打开工单，马上继续排查，两小时内给您回复。" if zh else "Reopened - looking into it again now; I will update you within 2 hours.")
            cur = back
            if status in ("resolved", "closed"):
                r = add_work(cur, rng.randint(2 * 3600, 12 * 3600), h24)
                resolution, cur = do_resolve(r, observe=True)
            else:
                resolution = None  # back in progress: the earlier resolution lives on in history only
    if resolution is not None and status != "observing":
        r_at = ep(resolution["at"])
        if work_between(o, r_at, h24) - paused > RESOLUTION[pri]:
            res_breach = r_at

    smode = plan.get("survey")
    if smode and resolution is not None:
        inv = add_business(cur + rng.randint(600, 2 * 3600), rng.randint(0, 1800))
        token = "%032x" % rng.getrandbits(128)
        survey = {"token": token, "link": f"https://desk.example-corp.com/s/{token}", "invited_at": ts(inv)}
        E(inv, owner, "surveyed")
        if smode == "responded":
            resp = inv + min(int(rng.lognormvariate(math.log(5 * 3600), 1.0)), 6 * 86400)
            if resp > NOW - 1800:
                raise Reject
            survey["_resp"] = resp
        elif smode == "pending_recent":
            if not (NOW - 5 * 86400 < inv < NOW - 6 * 3600):
                raise Reject
        elif smode == "expired":
            if inv > NOW - SURVEY_WINDOW:
                raise Reject

    # plan-level constraints
    if status == "open" and events[-1][0] > NOW:
        raise Reject

    # SLA
    sla = None
    if classified:
        frd = add_work(o, FR_TARGET[ch], h24)
        breaches = []
        if fr is not None and fr > frd:
            breaches.append({"target": "first_response", "due": ts(frd), "at": ts(fr)})
        if res_breach is not None:
            breaches.append({"target": "resolution", "due": ts(add_work(o, RESOLUTION[pri], h24)), "at": ts(res_breach)})
        sla = {"policy": "builtin", "first_response_due": ts(frd), "workaround_due": ts(add_work(o, WORKAROUND[pri], h24)),
               "resolution_due": ts(add_work(o, RESOLUTION[pri], h24)), "paused_seconds": paused, "breaches": breaches}

    # survey scores (after SLA so breaches count)
    if survey is not None and "_resp" in survey:
        resp = survey.pop("_resp")
        base = 4.6
        if sla and sla["breaches"]:
            base -= 0.9 * len(sla["breaches"])
        base -= 0.35 * len(escalations)
        if reopened:
            base -= 1.3
        if missed:
            base -= 0.6
        if plan.get("unhappy"):
            base = 1.6
        sc3 = [min(5, max(1, int(round(rng.gauss(base + d, 0.55))))) for d in (0.0, 0.35, -0.1)]
        survey.update({"responded_at": ts(resp), "efficiency": sc3[0], "attitude": sc3[1], "effectiveness": sc3[2]})
        low = min(sc3) <= 2
        if low:
            if missed:  # the complaint of a customer whose call went unanswered
                survey["comment"] = MISSED_ZH if zh else MISSED_EN
            elif reopened:  # complaints about a fault that came back
                survey["comment"] = BAD_ZH[1] if zh else BAD_EN[2]
            else:
                survey["comment"] = BAD_ZH[0] if zh else rng.choice(BAD_EN[:2])
        elif sum(sc3) >= 13:
            if rng.random() < 0.7:
                good = GOOD_ZH if zh else [c for c in GOOD_EN if not (missed and "first call" in c)]
                survey["comment"] = rng.choice(good)
        elif rng.random() < 0.6:
            survey["comment"] = rng.choice(MID_ZH if zh else MID_EN)
        E(resp + rng.randint(120, 3600), owner, "survey_recorded",
          efficiency=sc3[0], attitude=sc3[1], effectiveness=sc3[2])

    # ----- assemble in SPEC section 3 order; x_source usually last, sometimes mid-record
    t = {"id": None, "opened_at": ts(o), "channel": ch}
    if ch == "phone":
        t["answered"] = not missed
    if owner:
        t["owner"] = owner
        t["assignee"] = assignee
        t["tier"] = tier
    elif plan.get("null_assignee"):
        t["assignee"] = None
    t["status"] = status
    xs_mid = plan.get("xs_mid")
    if xs_mid:
        t["x_source"] = SOURCES[ch]
    t["requester"] = dict(person)
    t["title"] = title
    t["description"] = desc
    if "occurred_at" not in missing:
        t["occurred_at"] = ts(occurred)
    if "frequency" not in missing:
        t["frequency"] = sc["freq"]
    if "steps_tried" not in missing:
        t["steps_tried"] = sc["steps"]
    if plan.get("attach"):
        t["attachments"] = plan["attach"]
    env = sc.get("env")
    if env:
        e = {}
        if env in ("pc", "desk"):
            if env == "desk" and rng.random() < 0.3:
                e = {"device": rng.choice(DEVICES_MAC), "os": rng.choice(OS_MAC)}
            else:
                e = {"device": rng.choice(DEVICES_PC), "os": rng.choice(OS_PC)}
        elif env == "mobile":
            dv, osv = rng.choice(DEVICES_MOBILE)
            e = {"device": dv, "os": osv}
        elif env == "printer":
            e = {"device": "HP LaserJet Pro M428fdw (5F-East)", "network": "corporate_lan"}
        elif env == "door":
            e = {"device": "门禁考勤一体机 AC-3200 (1F 大堂)", "app_version": "firmware 3.2.1", "network": "corporate_lan"}
        if sc.get("app"):
            e["app_version"] = rng.choice(APP_VERSIONS)
        if env in ("pc", "desk", "mobile"):
            e["network"] = ("5g" if env == "mobile" else rng.choice(NETWORKS))
        t["environment"] = e
    if classified:
        t["priority"] = pri
        t["impact"] = imp
        t["urgency"] = urg
        t["category"] = sc["cat"]
        t["tags"] = list(sc["tags"]) + (["callback"] if missed else []) + (["holiday"] if local_date(o) in HOLIDAYS else [])
        t["classification"] = {"rules": [f"keyword:{sc['kw']}", f"matrix:{imp}x{urg}"],
                               "reason": f"keyword '{sc['kw']}' -> {sc['cat']}; impact {imp} x urgency {urg} -> {pri}"}
    if missing:
        t["needs_info"] = list(missing)
    if sla:
        t["sla"] = sla
    if fr is not None:
        t["first_response_at"] = ts(fr)
    if esc_req:
        t["escalation_requested"] = esc_req
    if escalations:
        t["escalations"] = [{k: v for k, v in e.items() if not k.startswith("_")} for e in escalations]
    if resolution is not None:
        t["resolution"] = resolution
    if reopened:
        t["reopened"] = reopened
    if survey is not None:
        t["survey"] = survey
    events.sort(key=lambda x: (x[0], x[1]))
    t["history"] = [e for _, _, e in events]
    if not xs_mid:
        t["x_source"] = SOURCES[ch]
    t["_o"] = o
    t["_lastev"] = events[-1][0]
    return t


# ---------------------------------------------------------------- the plan
def build_plans(rng, people):
    # status -> count; survey mode split for resolved
    spec = ([("closed", "responded")] * 50 + [("resolved", "pending_recent")] * 11 + [("resolved", "expired")] * 14 +
            [("resolved", None)] * 8 + [("observing", None)] * 4 + [("escalated", None)] * 9 +
            [("waiting", None)] * 7 + [("in_progress", None)] * 9 + [("open", None)] * 8)
    channels = (["email"] * 27 + ["web"] * 23 + ["phone"] * 24 + ["chat"] * 16 + ["im"] * 17 + ["walk_in"] * 13)
    assert len(spec) == len(channels) == 120
    rng.shuffle(channels)
    # give the open tickets a mix, walk-ins only where a queue makes sense
    plans = []
    for (status, smode), ch in zip(spec, channels):
        plans.append({"status": status, "survey": smode, "channel": ch})
    # escalation depths
    esc_depths = [1, 1, 1, 1, 1, 2, 2, 2, 3]
    for p, d in zip([p for p in plans if p["status"] == "escalated"], esc_depths):
        p["depth"] = d
        if d == 3:
            p["window"] = (ep("2026-11-24T00:00:00Z"), ep("2026-11-25T10:00:00Z"))
    done = [p for p in plans if p["status"] in ("resolved", "closed")]
    for i, p in enumerate(done):
        if i % 4 == 1:
            p["depth"] = 1
        if i in (9, 30):
            p["depth"] = 2
    # one waiting ticket sits at tier 2 waiting for the customer's logs
    [p for p in plans if p["status"] == "waiting"][0]["depth"] = 1
    # one escalation not yet acknowledged
    [p for p in plans if p["status"] == "escalated" and p["depth"] == 1][-1]["no_ack"] = True
    # customer-requested escalations (one still pending in progress)
    [p for p in plans if p["status"] == "escalated" and p["depth"] == 1][0]["trigger"] = "customer_request"
    [p for p in done if p.get("depth") == 1][2]["trigger"] = "customer_request"
    [p for p in plans if p["status"] == "in_progress"][0]["trigger"] = "customer_request"
    # reopened
    closed = [p for p in plans if p["status"] == "closed"]
    for p in (closed[3], closed[17], [p for p in plans if p["survey"] == "pending_recent"][1]):
        p["reopen"] = True
    [p for p in plans if p["status"] == "in_progress"][2]["reopen"] = True
    # unhappy customers
    for p in (closed[5], closed[22], closed[40]):
        p["unhappy"] = True
        p["slow_fr"] = True
    # holiday tickets and the make-up working day
    for p in closed[8:11]:
        p["window"] = (ep("2026-09-30T16:00:00Z"), ep("2026-10-07T15:59:59Z"))
        p["holiday"] = True
    closed[11]["window"] = (ep("2026-10-10T01:00:00Z"), ep("2026-10-10T09:59:59Z"))
    # missed calls among phone tickets
    phones = [p for p in plans if p["channel"] == "phone"]
    for k in (0, 4, 9, 15):
        phones[k]["missed"] = True
    opens = [p for p in plans if p["status"] == "open"]
    for p in opens:
        if p["channel"] == "walk_in":
            p["channel"] = "web"
    for p in opens:
        if p["channel"] == "phone":
            p["missed"] = True  # an answered call is already a first response
    for p in opens[:3]:
        p["unclassified"] = True
        if p["channel"] in ("email", "web"):
            p["no_owner"] = True
    # assign the rest per plan
    for i, p in enumerate(plans):
        ch = p["channel"]
        if p.get("holiday") and ch == "walk_in":
            p["channel"] = ch = "im"
        # facts missing at intake
        pm = {"email": 0.4, "web": 0.35, "chat": 0.3, "im": 0.35, "phone": 0.2, "walk_in": 0.2}[ch]
        if p["status"] == "waiting":
            pm = 0.8
        miss = [f for f in ("occurred_at", "frequency", "steps_tried") if rng.random() < pm]
        p["missing"] = miss
        if miss and p["status"] in ("resolved", "closed", "in_progress") and rng.random() < 0.6:
            p["wait"] = True
        elif p["status"] in ("resolved", "closed", "in_progress") and rng.random() < 0.12:
            p["wait"] = True
        p["owner"] = None if p.get("no_owner") else rng.choices(OWNERS, OWNER_W)[0]
        p["bump"] = rng.choices([None, "up", "down"], [70, 15, 15])[0]
        p["observe"] = rng.random() < 0.8 or p.get("reopen")
        p["xs_mid"] = rng.random() < 0.15
        if ch in ("email", "web") and rng.random() < 0.45:
            p["attach"] = rng.choice([["screenshot.png"], ["error.log", "screenshot.png"], ["截图1.png"],
                                      ["vpn-client.log"], ["发票扫描件.pdf"], ["har-capture.har"]])
    for p in opens:
        if p.get("no_owner"):
            p["null_assignee"] = True
            break
    return plans


def pick_scenario(rng, p):
    need = p.get("depth", 0)
    pool = [s for s in S if s["esc"] >= need]
    if need == 3:
        pool = [SC["door-sync"]]
    else:
        pool = [s for s in pool if s["k"] != "door-sync"]
    if p["channel"] == "walk_in":
        pool = [s for s in pool if s["cat"] in ("hardware", "account_access", "software_install", "security")] or pool
    if p.get("survey") is None and p["status"] == "resolved" and rng.random() < 0.3:
        pool = [s for s in pool if s["cat"] in ("feature_request", "data_request")] or pool
    return rng.choice(pool)


WINDOWS = {
    "closed": (START, ep("2026-11-25T10:00:00Z")),
    ("resolved", "expired"): (START, ep("2026-11-19T10:00:00Z")),
    ("resolved", "pending_recent"): (ep("2026-11-20T00:00:00Z"), ep("2026-11-28T00:00:00Z")),
    ("resolved", None): (ep("2026-11-26T00:00:00Z"), ep("2026-11-30T03:00:00Z")),
    "observing": (ep("2026-11-26T00:00:00Z"), NOW - 3 * 3600),
    "escalated": (ep("2026-11-09T00:00:00Z"), NOW - 5 * 3600),
    "waiting": (ep("2026-11-18T00:00:00Z"), NOW - 3 * 3600),
    "in_progress": (ep("2026-11-23T00:00:00Z"), NOW - 40 * 60),
    "open": (NOW - 75 * 60, NOW - 3 * 60),
}


def generate():
    rng = random.Random(SEED)
    people = make_people(rng)
    plans = build_plans(rng, people)
    tickets = []
    for p in plans:
        st = p["status"]
        lo, hi = p.get("window") or WINDOWS.get((st, p["survey"])) or WINDOWS[st]
        if (st == "closed" or p["survey"] == "expired") and not p.get("window") and rng.random() < 0.5:
            hi = min(hi, ep("2026-10-31T15:59:59Z"))  # older history leans on October
        for attempt in range(3000):
            sub = random.Random(rng.getrandbits(64))
            p["sc"] = pick_scenario(sub, p)
            p["person"] = sub.choice(people)
            if p.get("holiday"):
                o = sub.randrange(lo, hi)
            elif st == "open":
                o = sub.randrange(lo, hi)
            else:
                o = sample_open(sub, lo, hi, walk_in=p["channel"] == "walk_in")
            if p["channel"] == "walk_in" and not in_business(o):
                continue
            try:
                t = simulate(p, o, sub, people)
            except Reject:
                continue
            if st in ("escalated", "waiting", "in_progress") and t["_lastev"] > NOW - 600:
                continue
            tickets.append(t)
            break
        else:
            raise RuntimeError(f"could not place plan {p}")
    tickets.sort(key=lambda t: (t["_o"], t["title"]))
    # ids: DK-YYMMDD-XXXX, date of opened_at (UTC), suffix sorted within the day so ids sort like opened_at
    by_day = {}
    for t in tickets:
        by_day.setdefault(t["opened_at"][:10], []).append(t)
    used = set()
    for day, ts_ in by_day.items():
        sufs = set()
        while len(sufs) < len(ts_):
            s = "".join(rng.choice(CROCKFORD) for _ in range(4))
            if s not in used:
                sufs.add(s)
        used |= sufs
        for t, s in zip(ts_, sorted(sufs)):
            t["id"] = f"DK-{day[2:4]}{day[5:7]}{day[8:10]}-{s}"
    for t in tickets:
        del t["_o"], t["_lastev"]
    return tickets, rng


# ---------------------------------------------------------------- raw intake requests
REQUESTS = [
    {"channel": "email", "title": "Outlook 一直提示输入密码", "description": "从今天早上开始 Outlook 每隔几分钟就弹窗要求输入密码，输入后还是继续弹，网页版邮箱正常。",
     "requester": "孙丽", "email": "sun.li@example-corp.com", "phone": "+86 138 2231 7789", "department": "财务部",
     "account": "u20417", "occurred_at": "2026-11-30T09:10:00+08:00", "frequency": "每隔几分钟", "steps_tried": "重启电脑，重新输入密码",
     "device": "ThinkPad T14 Gen 4", "os": "Windows 11 23H2", "app_version": "Outlook 16.0.17928", "network": "corporate_lan",
     "attach": ["outlook-prompt.png"]},
    {"channel": "web", "title": "VPN client cannot connect: \"TLS handshake failed\"",
     "description": "Since I came back from the Singapore office the VPN client fails with TLS handshake failed. Hotel Wi-Fi and phone hotspot give the same error.",
     "requester": "Lukas Schmidt", "email": "lukas.schmidt@example-corp.com", "department": "Engineering",
     "occurred_at": "2026-11-29T21:40:00Z", "os": "macOS 15.1", "app_version": "GlobalConnect 6.1.2", "network": "home_wifi",
     "attach": ["vpn-client.log"]},
    {"channel": "email", "title": "打印机打不出来", "description": "打印机打不出来，麻烦看一下。", "requester": "何勇",
     "email": "he.yong@example-corp.com"},
    {"channel": "web", "title": "Request: access to the Q4 forecast workbook in SharePoint",
     "description": "Please grant me edit access to Sales/Forecast/Q4-2026.xlsx. My manager Mary Johnson approved (email attached).",
     "requester": "Chloe Martin", "email": "chloe.martin@example-corp.com", "phone": "+86 21 5521 3380", "department": "Sales",
     "account": "u31877", "frequency": "n/a", "steps_tried": "requested access from the SharePoint page, no answer",
     "owner": "agent.smith", "attach": ["manager-approval.eml"]},
    {"channel": "email", "title": "ERP 登录后白屏", "description": "ERP 登录成功后页面一片空白，按 F5 也没用。Chrome console 里有 \"Uncaught TypeError: Cannot read properties of undefined\"。",
     "requester": "Yuki Tanaka", "email": "yuki.tanaka@example-corp.com", "department": "Operations",
     "occurred_at": "2026-11-30T14:05:00+08:00", "steps_tried": "清了缓存，换了 Edge",
     "device": "Dell Latitude 7440", "os": "Windows 11 24H2", "network": "vpn"},
    {"channel": "web", "title": "Laptop fan very loud and machine gets hot", "description": "Fan runs at full speed all the time, even when idle.",
     "requester": "Omar Hassan", "contact": "Teams: @omar", "email": "omar.hassan@example-corp.com", "department": "Legal",
     "device": "HP EliteBook 840 G10"},
    {"channel": "email", "title": "申请开通 CRM 导出权限", "description": "因季度对账需要，申请开通 CRM 客户数据导出权限，部门经理已审批同意。",
     "requester": "林婷", "contact": "企业微信: linting", "email": "lin.ting@example-corp.com", "phone": "+86 136 8812 0045",
     "department": "销售部", "account": "u40552", "frequency": "一次性", "steps_tried": "已在 OA 提交审批单", "owner": "agent.wang"},
    {"channel": "web", "title": "Zoom 会议共享屏幕黑屏 / screen share shows black screen",
     "description": "在 Zoom 会议里共享屏幕时对方只看到黑屏，共享单个窗口也一样。Happens in every meeting since the macOS update.",
     "requester": "Noah Kim", "email": "noah.kim@example-corp.com", "department": "Marketing",
     "occurred_at": "2026-11-27T10:30:00+08:00", "frequency": "every meeting", "os": "macOS 15.1", "app_version": "Zoom 6.2.5",
     "network": "office_wifi", "attach": ["black-screen.png", "zoom-diagnostics.zip"]},
]


def dumps(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))


def write_lines(path, objs):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for o in objs:
            f.write(dumps(o) + "\n")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tickets, rng = generate()

    # survey responses for invited-but-unanswered tickets still inside the response window
    pend = [t for t in tickets if t.get("survey") and "responded_at" not in t["survey"]
            and ep(t["survey"]["invited_at"]) > NOW - SURVEY_WINDOW]
    assert len(pend) >= 6, len(pend)
    responses = []
    scores = [(5, 5, 5), (4, 5, 4), (2, 3, 2), (5, 4, 5), (3, 4, 3), (1, 2, 1)]
    comments = {
        "zh": ["处理很及时，谢谢！", "工程师很耐心。", "等了两天才解决，希望能更快一些。", "", "还行，中间多次追问才有进展。", "问题来回反复，体验很差。"],
        "en": ["Fast and friendly, thanks.", "Good job.", "Took two days, too slow for a simple issue.", "",
               "OK, but I had to chase for updates.", "Still not fixed properly, very disappointed."],
    }
    for i, t in enumerate(pend[:6]):
        zh = any("\u4e00" <= c <= "\u9fff" for c in t["title"])
        inv = ep(t["survey"]["invited_at"])
        resp_at = min(NOW - 900, inv + 3600 * (2 + 7 * i))
        r = {"token": t["survey"]["token"]} if i % 2 == 0 else {"id": t["id"]}
        e, a, f = scores[i]
        r.update({"efficiency": e, "attitude": a, "effectiveness": f})
        c = comments["zh" if zh else "en"][i]
        if c:
            r["comment"] = c
        r["responded_at"] = ts(resp_at)
        responses.append(r)

    # small fixture: one ticket per channel family, chosen for coverage
    def first(*preds):  # the first ticket matching the strictest predicate that matches any
        for pred in preds:
            for t in tickets:
                if pred(t):
                    return t
        raise RuntimeError("no ticket for fixture")

    small = [
        first(lambda t: t["channel"] == "phone" and t.get("answered") is False and t["status"] == "closed",
              lambda t: t["channel"] == "phone" and t.get("answered") is False),
        first(lambda t: t["channel"] == "email" and t.get("escalations") and t["status"] == "closed" and t.get("survey", {}).get("comment"),
              lambda t: t["channel"] == "email" and t["status"] == "closed" and t.get("survey", {}).get("comment")),
        first(lambda t: t["channel"] == "web" and t["status"] == "waiting" and t.get("needs_info"),
              lambda t: t["channel"] == "web" and t.get("needs_info")),
        first(lambda t: t["channel"] in ("chat", "im") and t["status"] == "escalated" and len(t.get("escalations", [])) >= 2,
              lambda t: t["channel"] in ("chat", "im") and t.get("reopened"),
              lambda t: t["channel"] in ("chat", "im") and t["status"] == "escalated"),
        first(lambda t: t["channel"] == "walk_in" and t["status"] in ("resolved", "closed") and t.get("resolution", {}).get("observe_until")),
    ]
    small.sort(key=lambda t: t["opened_at"])

    write_lines(os.path.join(root, "Examples", "tickets.ndjson"), tickets)
    write_lines(os.path.join(root, "Examples", "requests.ndjson"), REQUESTS)
    write_lines(os.path.join(root, "Examples", "responses.ndjson"), responses)
    write_lines(os.path.join(root, "Tests", "Fixtures", "samples", "small.ndjson"), small)
    self_check(tickets, responses)


ENUMS = {"channel": {"phone", "email", "web", "chat", "im", "walk_in"}, "tier": set(TIERS),
         "status": {"open", "in_progress", "waiting", "escalated", "observing", "resolved", "closed"},
         "priority": {"high", "medium", "low"}}


def self_check(tickets, responses):
    ids = [t["id"] for t in tickets]
    assert len(set(ids)) == len(ids) and ids == sorted(ids)
    assert [t["opened_at"] for t in tickets] == sorted(t["opened_at"] for t in tickets)
    for t in tickets:
        for k, allowed in ENUMS.items():
            if k in t:
                assert t[k] in allowed, (t["id"], k, t[k])
        assert "x_source" in t
        o = t["opened_at"]
        h = [e["at"] for e in t["history"]]
        assert h == sorted(h) and h[0] == o and h[-1] <= ts(NOW), t["id"]
        if t.get("first_response_at"):
            assert t["first_response_at"] > o
        for e in t.get("escalations", []):
            assert e["from"] in ENUMS["tier"] and e["to"] in ENUMS["tier"] and e["at"] > o
            if "ack_at" in e:
                assert e["at"] < e["ack_at"] < e["eta"]
            if t.get("resolution"):
                assert e["at"] < t["resolution"]["at"]
        s = t.get("survey")
        if s and "responded_at" in s:
            assert s["invited_at"] < s["responded_at"] and t["status"] == "closed"
            assert all(1 <= s[k] <= 5 for k in ("efficiency", "attitude", "effectiveness"))
        if t["status"] in ("observing", "resolved", "closed"):
            assert t.get("resolution"), t["id"]
    by_id = {t["id"]: t for t in tickets}
    by_tok = {t["survey"]["token"]: t for t in tickets if t.get("survey")}
    for r in responses:
        t = by_id[r["id"]] if "id" in r else by_tok[r["token"]]
        assert "responded_at" not in t["survey"] and t["survey"]["invited_at"] < r["responded_at"] <= ts(NOW)


if __name__ == "__main__":
    main()
