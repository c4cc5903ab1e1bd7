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
    "vague": [],
    "taboo": [],
    "families": [
      {
        "id": "dont_know",
        "kind": "taboo",
        "canonical": "我不知道",
        "seed": "seed 004 服务忌语",
        "suggestion": "我帮您确认一下，稍后给您答复 / Let me find out and get back to you",
        "anywhere": ["我不知道","我也不知道","我哪知道","我怎么知道","谁知道呢","我不晓得","我也不清楚","我哪清楚","i don't know","i do not know","i have no idea","i've no idea","how should i know","how would i know","i dunno","no clue","not a clue","beats me"],
        "clause": ["不知道","不晓得","不清楚","没概念","no idea","dunno","idk","don't know","who knows"]
      },
      {
        "id": "wont_work",
        "kind": "taboo",
        "canonical": "这个不行",
        "seed": "seed 004 服务忌语",
        "suggestion": "这个方式暂时无法实现，我们可以试试其他办法 / This approach won't work here; let's try another way",
        "anywhere": ["这个不行","这不行","这样不行","那个不行","这个不可以","这个没办法","这没办法","this won't work","that won't work","this will not work","this doesn't work","no can do","that's not possible","this is not possible","that is not possible","not gonna happen"],
        "clause": ["不行","没办法","没辙","不可能","impossible","not possible","no way","nope","can't help"]
      },
      {
        "id": "talk_to_boss",
        "kind": "taboo",
        "canonical": "那你和我们领导讲吧",
        "seed": "seed 004 服务忌语",
        "suggestion": "我会向负责人反映，并尽快给您答复 / I'll raise this with my lead and get back to you",
        "anywhere": ["你和我们领导讲","你跟我们领导讲","你和领导讲","你跟领导讲","你跟领导说","你和领导说","你去找领导","你找领导","你找我们领导","找我们领导去","你去跟领导","你自己找领导","投诉我好了","你去投诉","talk to my manager","talk to my boss","talk to my supervisor","speak to my manager","take it up with my manager","take it up with management","complain to my boss","go complain","ask my manager yourself"]
      },
      {
        "id": "go_elsewhere",
        "kind": "taboo",
        "canonical": "你去跟省公司讲吧",
        "seed": "seed 004 服务忌语",
        "suggestion": "我来帮您联系相关单位，有结果第一时间通知您 / I'll contact the right team for you and tell you as soon as I hear back",
        "anywhere": ["你去跟省公司讲","你跟省公司讲","你去找省公司","你找省公司","你去问省公司","你去找别的部门","你找别的部门","你找其他部门","你去问别人","你自己去问","不归我们管","不归我管","不是我们部门的事","跟我们没关系","not our department","not my department","not our problem","not my problem","not my job","not our job","go ask someone else","ask someone else","ask another team","contact someone else","call someone else","figure it out yourself"]
      },
      {
        "id": "too_busy",
        "kind": "taboo",
        "canonical": "我现在很忙",
        "seed": "seed 004 服务忌语",
        "suggestion": "请稍等，我处理完手头的请求马上为您服务 / I'll be with you in a moment",
        "anywhere": ["我现在很忙","我很忙","我在忙","我现在没空","我没空","没空理你","我正忙着呢","我正忙着","忙着呢","我忙着呢","没时间管","i'm busy","i am busy","i'm too busy","i am too busy","i don't have time for","i have no time for","no time for this","i'm swamped"]
      },
      {
        "id": "your_fault",
        "kind": "taboo",
        "canonical": "是你没说清楚，能怪我吗",
        "seed": "seed 004 服务忌语",
        "suggestion": "可能是我没有理解清楚，麻烦您再描述一下 / I may have misunderstood; could you describe it once more?",
        "anywhere": ["是你没说清楚","你没说清楚","你没讲清楚","你自己没说清楚","你自己没讲清楚","你没说明白","你没讲明白","你没描述清楚","能怪我吗","怪我咯","这能怪我","这不怪我","不是我的错","关我什么事","关我啥事","你自己的问题","是你自己","you didn't explain","you did not explain","you didn't say","you never said","you weren't clear","you were not clear","it's your fault","it is your fault","your own fault","not my fault","that's on you","that's your problem","your problem not mine","you should have said","you should have told"]
      },
      {
        "id": "whats_the_rush",
        "kind": "taboo",
        "canonical": "急什么，我正忙着呢",
        "seed": "seed 004 服务忌语",
        "suggestion": "我理解您很着急，我正在加紧处理 / I understand this is urgent; I'm working on it now",
        "anywhere": ["急什么","急啥","着什么急","你急什么","催什么","催啥","别催了","别催","what's the rush","what is the rush","why the rush","stop rushing me","stop pushing me","don't rush me","stop chasing me","chill out"],
        "clause": ["calm down","relax"]
      },
      {
        "id": "cant_be_done",
        "kind": "taboo",
        "canonical": "这个实现不了",
        "seed": "seed 004 服务忌语",
        "suggestion": "目前无法直接实现，我们可以考虑以下替代方案 / We can't do that directly; here are the alternatives",
        "anywhere": ["这个实现不了","这实现不了","实现不了","做不了","办不到","搞不了","弄不了","没法弄","can't be done","cannot be done","can not be done","we can't do that","we cannot do that","there's nothing we can do","there is nothing we can do","nothing i can do"]
      },
      {
        "id": "you_should_know",
        "kind": "taboo",
        "canonical": "你怎么什么都不知道",
        "seed": "seed 004 禁止: 问题很简单时，说用户“你怎么什么都不知道”",
        "suggestion": "这个问题我来为您详细说明一下 / Let me walk you through it",
        "anywhere": ["你怎么什么都不知道","你什么都不知道","你怎么连这都不知道","连这都不知道","这都不知道","这都不会","连这个都不会","这么简单都不会","这么简单的问题","你怎么不懂","how do you not know","how can you not know","you should know this","you should already know","everyone knows","even a child","this is basic","it's obvious","read the manual","rtfm","common sense"]
      },
      {
        "id": "handled",
        "kind": "vague",
        "canonical": "已处理",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已处理","已经处理","处理好了","处理完了","处理完毕","处理完成","处理过了","处理了","已处理完","taken care of","been handled","dealt with","been processed"],
        "clause": ["handled","processed","done with it"]
      },
      {
        "id": "completed",
        "kind": "vague",
        "canonical": "已完成",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已完成","已经完成","完成了","搞定了","搞定","弄好了","做好了","办好了","已办结","all done","been completed","been done"],
        "clause": ["done","completed","finished","complete","好了","完了","over"]
      },
      {
        "id": "resolved",
        "kind": "vague",
        "canonical": "已解决",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已解决","已经解决","解决了","已修复","修复了","已修好","修好了","已恢复","恢复了","恢复正常","已正常","正常了","没问题了","ok了","可以了","好使了","能用了","been resolved","been fixed","been solved","been sorted","sorted out","all sorted","all good","all set","should be fine","should be ok","should work now","works now","working now","fine now","good to go","back to normal","no longer an issue"],
        "clause": ["resolved","fixed","solved","sorted","repaired","restored","working","works","fine","ok now","normal"]
      },
      {
        "id": "ok",
        "kind": "vague",
        "canonical": "OK",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "clause": ["ok","okay","k","kk","好的","好","行","收到","了解","明白","知道了","嗯嗯","noted","got it","roger","sure","yes","yep","fine","ack","thanks","thank you","谢谢","cool"],
        "whole": ["好滴","ok的"]
      },
      {
        "id": "vague_description",
        "kind": "vague",
        "canonical": "前台操作解决",
        "seed": "seed 004 BRT回复规范 禁止使用“前台操作解决”等笼统模糊的描述字样",
        "anywhere": ["前台操作解决","前台操作","前台解决","前台处理","后台操作","后台处理","后台解决","远程处理","远程解决","远程操作","按流程处理","按要求处理","按规定处理","正常操作","相关操作","相应操作","进行了处理","进行处理","做了处理","做了调整","进行了调整","调整了一下","重新操作","操作了一下","处理一下","系统问题","操作问题","环境问题","配置问题","网络问题","frontend operation","front-end operation","on the front end","in the backend","on the backend","backend fix","fixed remotely","done remotely","handled remotely","performed the operation","followed the procedure","made some changes","made adjustments","adjusted some settings","did some operations","system issue","user error","config issue","configuration issue","some issue","an issue"]
      },
      {
        "id": "unknown_cause",
        "kind": "unknown_cause",
        "canonical": "原因不明",
        "seed": "seed 004 BRT回复规范: 已经处理的工单，问题回复至少包含【原因说明】",
        "anywhere": ["原因不明","原因未知","原因不详","不明原因","未知原因","原因待查","原因待定","不清楚原因","不知道原因","找不到原因","查不到原因","没查到原因","没找到原因","原因不清楚","具体原因不清楚","cause unknown","unknown cause","unknown reason","reason unknown","root cause unknown","no root cause","cause not found","could not find the cause","couldn't find the cause","could not determine","couldn't determine","not sure why","no idea why","unclear why","cause is unclear","don't know why","do not know why"],
        "clause": ["未知","不明","不详","待查","无","没有","不清楚","unknown","unclear","n/a","na","none","nil","tbd","tbc","todo","no idea","not sure","various","misc","other","其他","其它"]
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
  "phone_answer_rate_target": 0.9
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
