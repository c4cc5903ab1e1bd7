// BuiltinPolicy: the policy desk runs under when no --policy file or DESK_POLICY is given.
// Kept as JSON text so `desk policy` prints exactly this; a test checks that it is the
// canonical form of the decoded value. Each default's source (seed file and section) is in
// docs/POLICY.md.

extension Policy {
    /// The built-in policy text, in canonical pretty form.
    public static let builtinText: String = #"""
{
  "id": "desk-builtin",
  "name": "desk built-in policy (defaults from the service-desk seeds)",
  "version": "1",
  "reviewed_at": "2026-11-23",
  "review_interval": "182d",
  "timezone": "Asia/Shanghai",
  "business_hours": {
    "mon": [
      {
        "start": "09:00",
        "end": "12:00"
      },
      {
        "start": "13:30",
        "end": "18:00"
      }
    ],
    "tue": [
      {
        "start": "09:00",
        "end": "12:00"
      },
      {
        "start": "13:30",
        "end": "18:00"
      }
    ],
    "wed": [
      {
        "start": "09:00",
        "end": "12:00"
      },
      {
        "start": "13:30",
        "end": "18:00"
      }
    ],
    "thu": [
      {
        "start": "09:00",
        "end": "12:00"
      },
      {
        "start": "13:30",
        "end": "18:00"
      }
    ],
    "fri": [
      {
        "start": "09:00",
        "end": "12:00"
      },
      {
        "start": "13:30",
        "end": "18:00"
      }
    ],
    "sat": [],
    "sun": []
  },
  "holidays": [],
  "workdays": [],
  "workday_hours": null,
  "always_on_priorities": ["high"],
  "first_response": {
    "phone": "10m",
    "email": "15m",
    "web": "15m",
    "chat": "10m",
    "im": "5m",
    "walk_in": "10m"
  },
  "workaround": {
    "high": "1h",
    "medium": "4h",
    "low": "7h30m"
  },
  "resolution": {
    "high": "8h",
    "medium": "22h30m",
    "low": "37h30m"
  },
  "escalation": {
    "path": ["tier1","tier2","rnd","vendor"],
    "time_limits": {
      "tier1": {
        "high": "30m",
        "medium": "2h",
        "low": "2h"
      },
      "tier2": {
        "high": "2h",
        "medium": "7h30m",
        "low": "15h"
      },
      "rnd": {
        "high": "8h",
        "medium": "37h30m",
        "low": "75h"
      }
    },
    "complexity_tags": ["code_change","cross_department","core_technology"],
    "handoff_required": ["description","steps_tried","progress","support_needed"]
  },
  "classification": {
    "default_priority": "medium",
    "categories": ["account_access","billing","bug","performance","network","hardware","software_install","data_request","feature_request","security"],
    "rules": [
      {
        "id": "business_interruption",
        "priority": "high",
        "keywords": ["业务中断","业务停摆","无法办公","business interruption","outage","service down","production down"]
      },
      {
        "id": "data_loss",
        "priority": "high",
        "keywords": ["数据丢失","数据丢了","data loss","lost data","data lost","data was deleted"]
      },
      {
        "id": "security_risk",
        "priority": "high",
        "tags": ["security_risk"],
        "keywords": ["安全风险","安全漏洞","勒索病毒","点击了钓鱼链接","security risk","security breach","security vulnerability","ransomware","malware","phishing link clicked","account compromised"]
      },
      {
        "id": "many_users",
        "priority": "high",
        "tags": ["many_users"],
        "keywords": ["大量用户","影响大量用户","所有用户","全部用户","多个部门","many users","large number of users","all users","everyone in","whole team","entire office"]
      },
      {
        "id": "system_crash",
        "priority": "high",
        "keywords": ["系统崩溃","崩溃","宕机","system crash","crashes","crashed","server down"]
      },
      {
        "id": "core_function_unusable",
        "priority": "high",
        "keywords": ["核心功能无法使用","核心功能不可用","core function unusable","core feature unusable","core function not working"]
      },
      {
        "id": "display_error",
        "priority": "medium",
        "keywords": ["界面显示错误","显示错误","显示异常","display error","displayed incorrectly","layout broken","shows wrong"]
      },
      {
        "id": "non_core_function",
        "priority": "medium",
        "keywords": ["非核心功能异常","非核心功能","non-core function","minor feature"]
      },
      {
        "id": "how_to",
        "priority": "low",
        "keywords": ["使用技巧","如何使用","怎么使用","怎么用","how to","how do i","how-to","tips"]
      },
      {
        "id": "version_enquiry",
        "priority": "low",
        "keywords": ["版本更新","版本信息","新版本","version update","release notes","which version","latest version","new version"]
      },
      {
        "id": "code_change",
        "tags": ["code_change"],
        "keywords": ["需要修改代码","代码修改","code change","needs a patch","hotfix"]
      },
      {
        "id": "cross_department",
        "tags": ["cross_department"],
        "keywords": ["跨部门","多部门协作","cross-department","cross department","several departments"]
      },
      {
        "id": "security",
        "category": "security",
        "keywords": ["钓鱼","可疑","病毒","异地登录","泄露","工牌丢失","phishing","suspicious","virus","unknown login","lost badge","lost device","security"]
      },
      {
        "id": "account_access",
        "category": "account_access",
        "keywords": ["无法登录","登录","密码","账号","账户","锁定","权限","log in","login","password","locked","mfa","sso","access to","account"]
      },
      {
        "id": "billing",
        "category": "billing",
        "keywords": ["发票","账单","扣款","退款","收据","invoice","billing","charge","refund","receipt"]
      },
      {
        "id": "network",
        "category": "network",
        "keywords": ["网络","vpn","断网","无法上网","wi-fi","wifi","dns","internet","cannot reach","network","disconnects"]
      },
      {
        "id": "hardware",
        "category": "hardware",
        "keywords": ["打印机","显示器","键盘","鼠标","电池","笔记本","扩展坞","printer","monitor","keyboard","mouse","battery","laptop","docking station"]
      },
      {
        "id": "software_install",
        "category": "software_install",
        "keywords": ["需要安装","安装","许可证","激活","install","installer","license","activation","update to"]
      },
      {
        "id": "data_request",
        "category": "data_request",
        "keywords": ["数据导出","数据申请","恢复","export of","data for","restore","audit"]
      },
      {
        "id": "feature_request",
        "category": "feature_request",
        "keywords": ["希望增加","建议增加","新增功能","功能需求","feature request","please add","add support","dark mode","bulk edit","support csv"]
      },
      {
        "id": "performance",
        "category": "performance",
        "keywords": ["很慢","响应慢","卡顿","加载慢","slow","high cpu","performance","takes >","latency"]
      },
      {
        "id": "bug",
        "category": "bug",
        "keywords": ["报错","错误","崩溃","异常","bug","error","crash","unresponsive","not refreshing","unexpected"]
      }
    ],
    "matrix": {
      "high": {
        "high": "high",
        "medium": "high",
        "low": "medium"
      },
      "medium": {
        "high": "high",
        "medium": "medium",
        "low": "low"
      },
      "low": {
        "high": "medium",
        "medium": "low",
        "low": "low"
      }
    }
  },
  "phrases": {
    "vague": ["已处理","已完成","已解决","OK","前台操作解决","处理了","好了","done","fixed","resolved","solved","completed","handled"],
    "taboo": [
      {
        "phrase": "我不知道",
        "suggestion": "我帮您确认一下，稍后给您答复"
      },
      {
        "phrase": "这个不行",
        "suggestion": "这个方式暂时无法实现，我们可以试试其他办法"
      },
      {
        "phrase": "那你和我们领导讲吧",
        "suggestion": "我会向负责人反映，并尽快给您答复"
      },
      {
        "phrase": "你去跟省公司讲吧",
        "suggestion": "我来帮您联系相关单位，有结果第一时间通知您"
      },
      {
        "phrase": "我现在很忙",
        "suggestion": "请稍等，我处理完手头的请求马上为您服务"
      },
      {
        "phrase": "是你没说清楚",
        "suggestion": "可能是我没有理解清楚，麻烦您再描述一下"
      },
      {
        "phrase": "能怪我吗",
        "suggestion": "很抱歉给您带来不便，我们一起把问题解决"
      },
      {
        "phrase": "急什么",
        "suggestion": "我理解您很着急，我正在加紧处理"
      },
      {
        "phrase": "我正忙着呢",
        "suggestion": "请稍等，我马上为您处理"
      },
      {
        "phrase": "这个实现不了",
        "suggestion": "目前无法直接实现，我们可以考虑以下替代方案"
      },
      {
        "phrase": "你怎么什么都不知道",
        "suggestion": "这个问题我来为您详细说明一下"
      },
      {
        "phrase": "?",
        "suggestion": "请问您遇到的具体问题是什么？",
        "match": "whole"
      },
      {
        "phrase": "？",
        "suggestion": "请问您遇到的具体问题是什么？",
        "match": "whole"
      },
      {
        "phrase": "I don't know",
        "suggestion": "Let me find out and get back to you"
      },
      {
        "phrase": "I do not know",
        "suggestion": "Let me find out and get back to you"
      },
      {
        "phrase": "that's not possible",
        "suggestion": "That isn't available yet; here is what we can do instead"
      },
      {
        "phrase": "this won't work",
        "suggestion": "This approach won't work here; let's try another way"
      },
      {
        "phrase": "can't be done",
        "suggestion": "We can't do that directly; here are the alternatives"
      },
      {
        "phrase": "talk to my manager",
        "suggestion": "I'll raise this with my lead and get back to you"
      },
      {
        "phrase": "I'm busy",
        "suggestion": "I'll be with you in a moment"
      },
      {
        "phrase": "it's your fault",
        "suggestion": "Let's look at what happened together"
      },
      {
        "phrase": "you didn't explain",
        "suggestion": "I may have misunderstood; could you describe it once more?"
      },
      {
        "phrase": "what's the rush",
        "suggestion": "I understand this is urgent; I'm working on it now"
      },
      {
        "phrase": "how do you not know",
        "suggestion": "Let me walk you through it"
      }
    ]
  },
  "observation": "30m",
  "survey": {
    "scale_min": 1,
    "scale_max": 5,
    "csat_threshold": 4,
    "response_window": "7d",
    "repeat_interval": "30d",
    "dimensions": ["efficiency","attitude","effectiveness"]
  },
  "needs_info": ["contact","environment","occurred_at","frequency","steps_tried"],
  "phone_answer_rate_target": 0.9,
  "duties": {
    "callback": "10m",
    "progress": {
      "high": "30m",
      "medium": "4h",
      "low": "7h30m"
    },
    "end_of_day_update": true,
    "survey_follow_up": "7h30m"
  }
}

"""#

    /// The built-in policy, decoded from `builtinText` with every key required.
    public static let builtin: Policy = {
        // The text is a constant that tests decode, so failing here is a build defect, not
        // bad input: stop with the problems rather than run under a half-made policy.
        switch decodeBuiltin() {
        case .success(let p): return p
        case .failure(let e): preconditionFailure("built-in policy is invalid: " + e.description)
        }
    }()

    static func decodeBuiltin() -> Result<Policy, PolicyErrors> {
        do throws(JSONSyntaxError) {
            return decode(try JSONParser.parse(builtinText), over: nil)
        } catch {
            return .failure(PolicyErrors([PolicyProblem(path: "$", message: error.message)]))
        }
    }
}
