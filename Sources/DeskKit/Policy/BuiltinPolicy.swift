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
        "id": "greeting",
        "masks": true,
        "keywords": ["hello everyone","hi everyone","hey everyone","morning everyone","good morning everyone","good afternoon everyone","greetings everyone","hello everybody","hi everybody","hello all","hi all","hey all","dear all","morning all","good morning all","good afternoon all","greetings all","hello team","hi team","hey team","dear team","hi guys","hey guys","hello guys","hi folks","hello folks","hey folks","dear colleagues","hi colleagues","hello colleagues","hi there everyone","to whom it may concern","大家好","大家早上好","大家下午好","大家晚上好","大家早","各位好","各位同事好","各位同事","同事们好","各位领导好","各位领导","各位老师好","各位老师","各位早上好","各位下午好","各位大佬","hi 大家","hello 大家"]
      },
      {
        "id": "whole_span",
        "masks": true,
        "keywords": ["whole year","whole day","whole month","whole week","whole quarter","whole ledger","whole file","whole thing","whole time","whole page","whole report","whole list","whole table","whole process","whole document","whole history","whole morning","whole afternoon","whole night","whole weekend","whole batch","whole order","whole dataset","whole folder","whole screen","whole database","whole email","whole message","whole text","whole show","whole event","whole meeting","whole presentation","whole call","whole class","whole lesson","whole game","whole match","whole shift","whole trip"]
      },
      {
        "id": "not_a_fault",
        "masks": true,
        "keywords": ["broken down by","break it down by","break down by","broken out by","breakdown","down to #","down to one","down to two","down to three","water usage","water bill","water meter","water consumption","water rates","用水量","水费"]
      },
      {
        "id": "recovered",
        "keywords": ["后来恢复了","已经恢复","已恢复","恢复正常","现在一切正常","现在都正常","现在正常了","现在好了","已经好了","已经修复","已修复","修好了","一切正常","works now","working now","working again","works again","back to normal","back up and running","was fixed","been fixed","got fixed","is fixed","were fixed","everything works","all working","fine now","resolved itself","was restored","been restored","都好了","都恢复了","都正常了","都恢复正常","everything is back","all back to normal","back online now","目前没有出问题","目前没出问题","现在没有出问题","目前能正常用","现在能正常用","目前可以正常用","目前正常","目前没有删","目前还没有","it is running fine","is running fine and","nothing has gone wrong","nothing is broken yet","not broken yet"]
      },
      {
        "id": "recurring",
        "keywords": ["又出现","又挂","又断","又不行","又坏","又开始","又报","又是","再次出现","再次","反复","还是不行","还是不能","仍然","still not","still can't","still cannot","still down","still failing","still broken","down again","broke again","broken again","failed again","happened again","again today","again this","keeps happening","keeps coming back","recurring","every day since"]
      },
      {
        "id": "over_now",
        "requires": ["recovered","!recurring"],
        "keywords": []
      },
      {
        "id": "scope_many",
        "keywords": ["全体","全员","全公司","整个公司","所有","所有人","所有用户","全部用户","大量用户","所有员工","所有同事","所有门店","全国门店","各门店","每家门店","各分公司","所有分公司","各分店","整个办公室","整个部门","整层","整栋","整个厂区","全厂","全楼","各部门","多个部门","大家都","谁都","没人能","没有人能","一半","大面积","每个人","每个客户","所有客户","所有坐席","所有经理","所有手持","所有远程","所有分行","所有网点","所有终端","所有电脑","多台电脑","几十台","上百","几百","全部门","全组","整个团队","研发部","整个","各个网点","网点","窗口","生产线","产线","客户投诉","顾客","病人","全市","全省","全国","整个项目组","全校","全院","全网","五个厂区","各厂区","所有厂区","全部","部都","组都","店都","司都","院都","区都","楼都","们都","都连不上","都打不开","都登不上","都无法","都用不了","都不能","都收不到","都报错","everyone","everybody","all users","all staff","all employees","all agents","all stores","all our","all the stores","every store","all branches","every branch","branch offices","all managers","all customers","every customer","all departments","several departments","multiple departments","many users","many people","large number of users","whole company","entire company","company-wide","company wide","whole office","entire office","whole floor","entire floor","whole building","entire building","whole site","entire site","whole team","entire team","all of us","nobody","no one","none of","hundreds of","dozens of","half the","half of","all remote","all #","# users","# people","# staff","# employees","# colleagues","# stores","# branches","# sites","# offices","# agents","# customers","# designers","# computers","# pcs","#人","#名","#个人","#多人","#家","#个门店","#个部门","几十人","几百人","上百人","上千人","百多人","几十个","几百个","any agent","any user","for customers","our customers","customers cannot","customers can't","patients","all sites","every site","every plant","all plants","five plants","organisation-wide","organisation","organization","entire ","office has","office is","office lost","office can't","office cannot","shop floor","production line","assembly line","all terminals","all devices","all computers","all pcs","all machines","all systems","all apps","all applications","every app","every application","every system","every terminal","every user","every employee","customers are complaining","customer complaints","organization-wide","across the company","all our stores","each store","every office","all offices","whole department","entire department","all of them","all meeting rooms","all rooms","all floors","all printers","all sales","all teachers","all students","all companies in","visitors","every visitor","all visitors","all companies","department can't","department cannot","the team can't","the team cannot","whole school","whole hospital","whole store","whole branch","whole warehouse","whole yard","whole campus","whole shift","whole ward","whole hall","whole class","whole region","whole plant","whole lab","whole unit","whole call centre","whole call center","whole "]
      },
      {
        "id": "scope_system",
        "keywords": ["服务器","机房","数据中心","数据库","生产库","生产环境","核心交换机","交换机","存储","阵列","域控","官网","邮件服务器","文件服务器","专线","总部","ups","server","servers","data centre","data center","server room","database","core switch","storage","san","raid","domain controller","mail server","file server","public website","website","internet lines","headquarters","hq","production","erp for","the erp","erp","sap","mes","oa","cluster","other departments","其他科室","其他部门也","say the same"]
      },
      {
        "id": "scope_one",
        "keywords": ["只有我","只是我","就我","我这台","我的电脑","我的笔记本","我工位","同事可以","同事都可以","别人可以","其他人正常","其他同事正常","其他都正常","其他功能正常","其他网站都正常","其他内网网站","小屏幕","only me","only my","just me","just my","only for me","only on my","colleagues can","others can","other sites work","other internal sites work","the rest works","for me","on my laptop","on my pc","on my phone","my laptop","my desk","my phone","my account","my pc","not an outage","all day","all the time","all morning","all week","all my","all of my","all options","all the steps","tried all","all good","all right","全部试","都试过","都试了","每次","每天","不是大面积","不是全网","every time","each time","my machine","my computer","my workstation","my device","其他人的都能","其他人都能","别人都能","别人的都能","其他人都可以","其他电脑都","其他电脑正常","every day","every morning","most of the time","all the icons","everyone else","others are fine","the others are fine","other users are fine","other tills are fine","everything else works","都正常","其他人都正常","其他收银台","别的都正常","每个月","每个星期","每个周","每周","每个小时","每小时","每隔","每月","很多时候","好多时候","多数时候","大部分时间","到一半","一半的时候","every hour","every week","every month","every few","each morning","every night","all night","all afternoon","all weekend","half the time","half way","halfway","many times","several times","multiple times","其他人都有","别人都有","同事都有","其他人都能看到","别人都能看到","others have it","everyone else has","others can see it","都没问题","都没事","同事没问题","别人没问题","others are ok","不影响","不受影响","没有影响","没影响","影响不大","not affected","unaffected","no impact","doesn't affect","does not affect","not affecting","isn't affected","都ok","都很快","都好好的","其他正常","只有这几","只有几个","only a few","just a few","only a couple"]
      },
      {
        "id": "failure",
        "keywords": ["无法","不能","没法","打不开","连不上","登不上","登录不上","上不了","用不了","进不去","打不了","收不到","发不出","传不上","开不了","开不了机","启动不了","报错","错误","失败","异常","故障","坏了","卡死","卡住","卡顿","很慢","变慢","慢","崩溃","闪退","死机","断网","断线","掉线","断开","断了","不动","没反应","不工作","停了","丢失","不见了","没了","乱码","不对","错的","错了","不正确","不进去","不出来","不起来","不了","不开","满了","空间不足","冒烟","停下来","错位","闪屏","卡纸","被锁","锁定","超时","中断","瘫痪","宕机","停摆","不显示","识别不到","访问不了","没有响应","无响应","过期","挡住","重复","偏","没信号","不能用","受影响","影响到","损坏","进水","断电","停电","漏水","被挂","不可用","不正常","出错","蓝屏","黑屏","花屏","白屏","中毒","报毒","翻倍","空白","空的","掉电","很烫","发热","没有网络","没网","cannot","can't","can not","could not","couldn't","unable","won't","doesn't work","does not work","not working","stopped working","stopped","fails","failed","failing","failure","error","errors","broken","broke","down","offline","dead","freeze","freezes","frozen","freezing","stuck","crash","crashes","crashed","not responding","unresponsive","no longer","wrong","incorrect","slow","slowly","times out","timeout","timing out","lost","locked","jams","jam","flicker","garbled","nothing happens","affected","affects","affecting","impacted","corrupt","corrupted","flood","flooded","water","power loss","no power","bounce","bouncing","ran out","out of space","disk full","is full","smoke","smoking","does nothing","blank","not loading","unreachable","no internet","no wi-fi","no connection","disconnects","disconnected","drops","dropped","returns #","# error","misaligned","overlaps","disappears","never arrives","not detected","not being sent","not sent","hot","loud","greyed out","grey","rejects","very hot","overheat","off by","skips","duplicate","twice","not activated","too old","expired","weak","stutter","purple","boxes","nobody can","no one can","none of","not recording","will not","shut down","shutting down","beeping","spreading","infected","defaced","stolen","leaked","exposed","deleted","overwritten","wiped","empty","gone","missing","same colour","停止服务","停止运行","服务停止","停止了","服务中断","挂了","挂掉","down for","went down","is down","are down","stopped responding","out of service","hang","hangs","hanging","hung","spins","spinning","转圈","一直转","脱机","lost connection","unreadable","can't be read","cannot be read","读不出","读不到","读取不到","无法读取","by itself","on its own","自己就","自动退出","自己关","collapses","打爆","清零","归零","blue screen","bsod","black screen","white screen","won't boot","will not boot","doesn't boot","does not boot","no bootable","boot loop","invalid","太旧","版本过低","版本太低","找不到","搜不到","看不到","连不到","登不到","检测不到","扫不到","刷不到","拿不到","查不到","接不到","听不到","打印不到","装不上","开不上","充不上","插不上","接不上","挂不上","同步不上","打不上","选不上","点不上","对不上","更新不上","升级不上","not found","throws","throwing","bad gateway","internal server error","service unavailable","gateway timeout","access denied","permission denied","connection refused","http #","拒绝连接","没生成","没有生成","不生成","没到账","没有到账","信号弱","信号差","只有一格","一直转圈","倒过来","倒着","颠倒","upside down","rotated","sideways","faint","faintly","hardly read","barely readable","can hardly","weak signal","signal is weak","one bar","少了","keeps dropping","dropping","not ringing","isn't ringing","aren't ringing","stopped ringing","not going off","不响","没响","不响了","没开通","未开通","no telemetry"]
      },
      {
        "id": "question_form",
        "keywords": ["如何","怎么","怎样","有没有办法","有没有什么办法","有什么办法","有啥办法","有没有快捷","有没有简单","有没有方法","能不能","可不可以","可以吗","在哪","哪里","哪儿","什么流程","流程是","想问","想了解","想知道","咨询","问一下","问问","请教","是否可以","能否","建议","希望增加","希望能加","能不能加","可以加","how do i","how can i","how to","how do you","how do we","how can we","how should i","where can","where do i","where is","where are","where should","is there a way","is there any way","is there an option","is there a setting","is it possible","can i","could i","may i","just want to know","just wanted to know","i'd like to know","i would like to know","wondering","will that","will this","will it affect","what's the process","what is the process","what is the best way","what's the best way","any way to","quick question","quick q","do you know","would be nice","would be great","feature request","suggestion","suggest","please advise","which version","what plan","is there","can the system","should i","should we","咋改","要咋","怎么改","would be good to","where to ","find where","don't know where","dont know where"]
      },
      {
        "id": "fix_request",
        "keywords": ["怎么办","咋办","怎么解决","怎么处理","怎么修","怎么弄好","怎么回事","怎么了","怎么一直","怎么又","怎么老","怎么总","怎么突然","怎么还","怎么都","怎么也","怎么不","怎么没","怎么会","怎么就","为什么","为啥","什么原因","啥原因","修一下","修好","修复","帮忙","帮我","来看","看一下","看看","换一个","换个","更换","换新","尽快","急","马上","what should i do","what do i do","what can i do","how do i fix","how can i fix","how to fix","how do i stop","how can i stop","how do i get rid","how come","fix","repair","take a look","have a look","look at","look into","replace","a new ","swap","unlock","asap","urgent","what's wrong","what is wrong","why","keeps","keep getting","哪里出了问题","哪里出问题","哪里有问题","send someone","someone to look","someone look","come over","come and look","上门","in the meantime","meanwhile","workaround","临时","暂时先","先用","怎么弄","咋整","怎么搞","咋弄","what should we do"]
      },
      {
        "id": "asks_info",
        "requires": ["question_form","!fix_request"],
        "keywords": []
      },
      {
        "id": "malfunction",
        "priority": "medium",
        "requires": ["failure","!over_now","!asks_info"],
        "keywords": []
      },
      {
        "id": "group_quant",
        "keywords": ["all","every","entire","whole","most","many","several","multiple","numerous","dozens","hundreds","thousands","a dozen","lots of","a lot of","half","company-wide","company wide","site-wide","org-wide","所有","全部","全体","整个","各个","每个","每家","每台","每位","每一个","一半","大部分","大多数","多数","很多","好多","许多","不少","多个","多台","多家","多名","多位","好几个","好几家","好几台","各地","各家","each"]
      },
      {
        "id": "group_noun",
        "keywords": ["user","staff","employee","colleague","coworker","co-worker","worker","agent","rep","people","ppl","person","persons","folks","team member","member of staff","staff member","meeting room","conference room","classroom","projector","customer","client","student","teacher","nurse","doctor","store","shop","branch","site","office","location","plant","factory","warehouse","depot","clinic","school","department","team","floor","building","till","register","pos","terminal","scanner","handheld","device","laptop","pc","computer","desktop","machine","printer","phone","tablet","kiosk","workstation","camera","员工","同事","用户","人","客户","顾客","门店","分店","店","网点","分行","支行","营业厅","分公司","子公司","部门","科室","办公室","楼层","工厂","厂区","车间","仓库","终端","电脑","笔记本","打印机","扫码枪","扫描枪","收银机","收银台","手持","pda","设备","机器","坐席","座席","老师","学生","医生","护士","站点","工位","会议室","teller","cashier","driver","courier","picker","operator","engineer","technician","developer","designer","accountant","clerk","end user","subscriber","member","tenant","resident","passenger","guest","patient","caller","shopper","buyer","seller","partner","supplier","vendor","contractor","trainee","intern","manager","柜员","收银员","司机","骑手","工程师","客服","销售","会员","乘客","住户","患者","病人","家长","学员","店员","店长","营业员","操作员","工人","员工们","供应商","经销商","代理商","turbine","sensor","vehicle","bus","van"]
      },
      {
        "id": "group_all_after",
        "keywords": ["都","全都","全部","均","统统","一律"]
      },
      {
        "id": "group_noun_zh",
        "keywords": ["员工","同事","用户","的人","人们","大家","客户","顾客","门店","分店","店","网点","分行","支行","营业厅","分公司","子公司","部门","科室","办公室","楼层","工厂","厂区","车间","仓库","终端","电脑","笔记本","打印机","扫码枪","扫描枪","收银机","收银台","手持","pda","设备","机器","坐席","座席","老师","学生","医生","护士","站点","工位","会议室","柜员","收银员","司机","骑手","工程师","客服","销售","会员","乘客","住户","患者","病人","家长","学员","店员","店长","营业员","操作员","工人","员工们","供应商","经销商","代理商"]
      },
      {
        "id": "group_count",
        "keywords": ["##"]
      },
      {
        "id": "scope_group",
        "requires": ["group_quant","group_noun"],
        "within": 16,
        "keywords": []
      },
      {
        "id": "scope_group_after",
        "requires": ["group_noun_zh","group_all_after"],
        "within": 6,
        "keywords": []
      },
      {
        "id": "scope_count",
        "requires": ["group_count","group_noun"],
        "within": 8,
        "keywords": []
      },
      {
        "id": "wish_ask",
        "keywords": ["could the","could it","could you make","could we","can the","can it","would it be possible","is it possible","is there any way","any chance","asked if","asking if","wondering if","wonder if","能不能","能否","可不可以","可否","是否可以","可以不可以","要是能","如果能"]
      },
      {
        "id": "wish_add",
        "keywords": ["also","add","have a","have an","include","support","option to","加一个","加个","加上","增加","添加","多一个","也能","也可以","还能"]
      },
      {
        "id": "feature_wish",
        "priority": "low",
        "requires": ["wish_ask","wish_add","!failure"],
        "within": 30,
        "holds": true,
        "keywords": []
      },
      {
        "id": "feature_idea",
        "priority": "low",
        "holds": true,
        "keywords": ["feature idea","feature request","would be nice","it would be nice","it'd be nice","would love","nice to have","wish list","wishlist","suggest adding","could you add","can you add","please add","would it be possible to add","小想法","小建议","希望增加","建议增加","能不能增加","能否增加","可否增加","增加一个","加一个功能","新功能","不影响工作","不影响使用","could we get","can we get","could we have","can we have","could it be added","be added","有个小建议","考虑一下","建议:","请求增加","申请增加","希望加","想增加","建议在","建议系统","功能建议","提醒功能","would be great if","would be great to","would be handy","would be really handy","would be helpful if","would be really useful","just an idea","just a wish","only a wish","suggestion for","a suggestion","small suggestion","one suggestion","my suggestion","希望能支持","希望支持","能否支持","能不能支持","可否支持","希望可以支持","pls add","plz add","in a future version","in a future release","in the next version","下个版本能不能","以后的版本","could be considered","be considered for"]
      },
      {
        "id": "work_goes_on",
        "holds": true,
        "keywords": ["暂时用","暂时先用","先用","临时用","先手写","先手工","手工登记","用纸质","纸质单","代为","帮他开","帮她开","帮他登","帮她登","用自己账号帮","用同事的","借同事","凑合用","能凑合","还能用","还可以用","先顶着","using paper","on paper for now","paper sheets","paper job sheets","for now we","for now i","for now he","for now she","as a workaround","workaround","working around","work around it","i've been using","i have been using","been using that","using my phone","using the other","using another","using a spare","swapped to a spare","borrowed","fine in edge","fine in chrome","fine in firefox","works in edge","works in chrome","works fine in","will enter them later","enter them later"]
      },
      {
        "id": "no_impact",
        "holds": true,
        "keywords": ["不影响","没影响","没有影响","不耽误","没耽误","不碍事","不过能用","能用就是","not stopping us","isn't stopping","is not stopping","not stopping anyone","not blocking","isn't blocking","is not blocking","no impact","not affecting","isn't affecting","doesn't affect","does not affect","can still work","can still use","still able to","still usable","not holding anything up","not holding us up","nobody is blocked","no one is blocked","nobody blocked","nobody is stuck","do go through","does go through","go through in the end","does save though","it does save","does save in the end","能用,就是","能用 就是","能用就是慢","can keep working","can keep going","i can keep","she can keep","he can keep","can carry on","can continue working"]
      },
      {
        "id": "works_eventually",
        "keywords": ["最后都能","最后能","最后还是能","最终能","最终还是能","最后也能","等一会就好","等一下就好","过一会就好","用起来正常","之后用起来正常","eventually loads","eventually works","eventually opens","does eventually","it does load","in the end it","gets there in the end"]
      },
      {
        "id": "display_only",
        "keywords": ["界面显示错误","显示错误","显示异常","display error","displayed incorrectly","shows wrong","状态显示","labelled as","labeled as","numbers are correct","numbers themselves are correct","amounts are correct","only the symbol","数字是对的","金额是对的","内容是对的"]
      },
      {
        "id": "many_users_affected",
        "priority": "high",
        "tags": ["many_users"],
        "requires": ["scope_many","failure","!scope_one","!over_now","!feature_idea","!feature_wish","!no_impact","!works_eventually","!display_only"],
        "keywords": []
      },
      {
        "id": "many_users_group",
        "priority": "high",
        "tags": ["many_users"],
        "requires": ["scope_group","failure","!scope_one","!over_now","!feature_idea","!feature_wish","!no_impact","!works_eventually","!display_only"],
        "keywords": []
      },
      {
        "id": "many_users_group_after",
        "priority": "high",
        "tags": ["many_users"],
        "requires": ["scope_group_after","failure","!scope_one","!over_now","!feature_idea","!feature_wish","!no_impact","!works_eventually","!display_only"],
        "keywords": []
      },
      {
        "id": "many_users_count",
        "priority": "high",
        "tags": ["many_users"],
        "requires": ["scope_count","failure","!scope_one","!over_now","!feature_idea","!feature_wish","!no_impact","!works_eventually","!display_only"],
        "keywords": []
      },
      {
        "id": "many_users_system",
        "priority": "high",
        "tags": ["many_users"],
        "requires": ["scope_system","failure","!scope_one","!over_now","!asks_info","!feature_idea","!feature_wish","!no_impact","!works_eventually","!display_only"],
        "keywords": []
      },
      {
        "id": "business_interruption",
        "priority": "high",
        "requires": ["!over_now","!no_impact","!feature_idea","!feature_wish"],
        "keywords": ["业务中断","业务停摆","停线","停机","没法缴费","无法缴费","没法办理","无法办理","排队","业务都停","全部业务","无法办公","没法办公","停工","停产","产线停","线停了","整条线","停止发货","无法营业","无法下单","没法下单","没法买单","无法结账","无法收银","无法付款","丢单","没法干活","没人能正常干活","开不了会","无法接听","没人接听","只能手写","手写登记","发不了工资","工资无法","今天到期","今天要交","马上要关机","business interruption","outage","cannot pay","can't pay","queueing","queue up","standstill","stopped shipping","line is stopped","line stopped","production stopped","production is stopped","cannot place orders","can't place orders","cannot be completed","no sales","losing sales","losing orders","cannot take payments","can't take payments","order entry has stopped","nobody can work","no one can work","not answering customers","salaries are due","payroll cannot","due today","service down","production down","deadline today","will shut down","cannot clock in","can't clock in","zero orders","no orders","no sales since","停止收银","停止营业","停止生产","停止出库","call back later","turning customers away","turn customers away","sending customers away","让客户稍后再打","让客户晚点再打","back to paper","paper forms","纸质单","手工登记","资金周转","周转紧张","cash flow","trucks waiting","lorries waiting","drivers waiting","等着装货","等装货","turning guests away","turn guests away","we're losing","we are losing","losing money","losing customers","line # stopped","line # is down","line # down","line # has been stopped","line # is stopped","can only take cash","cash only","只能收现金","只收现金","queues are building","queue is building","排长队","人老多","围在窗口","挤着","维持秩序","停在路边","没法卸货","不让卸货","can't unload","stuck at the roadside","排到","排起了","最后一天","截止日","效率下降","in queue","in the queue","people waiting","waiting in line","backing up at","guests backing up","last day to","final day","filing deadline","across the whole floor","whole floor","queue out the door","line out the door","queue is out the door","queues out the door","排起长队","排成长龙","on paper now","on paper instead","doing it on paper","doing everything on paper","writing on paper","writing everything on paper","write everything on paper","all on paper","on air","off air","emergency loop","dead air","停播","播出中断","断播"]
      },
      {
        "id": "business_activity",
        "keywords": ["shipping","shipments","orders","ordering","sales","production","checkout","payments","deliveries","dispatch","picking","packing","trading","bookings","check-in","admissions","发货","出货","生产","收银","下单","结账","营业","开单","接单","出库","入库","办理业务","收款","挂号","order","订单","supplier payments","medication","dispensing","drug round","triage","发药","配药","拣货","装货","单子"]
      },
      {
        "id": "halted",
        "keywords": ["stopped","halted","standstill","blocked","zero","frozen","can't be processed","cannot be processed","停了","停止","停滞","停摆","暂停","中断","全停","停下","做不了","办不了","进行不了","piling up","backing up","backed up","backlog","bouncing","bounced","declined","积压","堆积","出不了","发不出","can't release","cannot release","can't be released","堆着","积着","排了","等装货","waiting to load"]
      },
      {
        "id": "business_halted",
        "priority": "high",
        "tags": ["business_interruption"],
        "requires": ["business_activity","halted","!over_now","!no_impact"],
        "within": 16,
        "keywords": []
      },
      {
        "id": "idle_words",
        "keywords": ["idle","sitting around","干等","闲着","都在等","在等着"]
      },
      {
        "id": "staff_idle",
        "priority": "high",
        "tags": ["business_interruption"],
        "requires": ["group_noun","idle_words","!over_now","!no_impact","!scope_one"],
        "within": 24,
        "keywords": []
      },
      {
        "id": "alerts_silent",
        "priority": "high",
        "requires": ["!over_now","!scope_one","!no_impact"],
        "keywords": ["no alerts","not sending alerts","not sending any alerts","hasn't sent any alerts","hasnt sent any alerts","stopped sending alerts","not receiving any alerts","not getting alerts","no readings","alerts or readings","no alarms from","不报警","没有报警","收不到报警","收不到告警","没有告警","告警发不出","报警发不出","一条短信都没发出去"]
      },
      {
        "id": "service_noun",
        "keywords": ["site","website","portal","system","server","service","platform","intranet","erp","crm","oa","payroll","webmail","系统","网站","平台","服务器","门户","官网","内网"]
      },
      {
        "id": "service_outage",
        "keywords": ["down","is down","went down","offline","outage","500","502","503","504","宕机","挂了","崩了","瘫痪"]
      },
      {
        "id": "service_down",
        "priority": "high",
        "requires": ["service_noun","service_outage","!scope_one","!over_now","!no_impact"],
        "within": 12,
        "keywords": []
      },
      {
        "id": "data_noun",
        "keywords": ["数据","记录","资料","文件","邮件","文档","报表","表格","数据库","订单","聊天记录","照片","合同","客户资料","档案","资料库","data","records","record","notes","files","file","folder","folders","emails","mails","documents","spreadsheets","database","table","mailbox","history","orders","contracts","photos","entries","drawings","recordings","图纸","录音"]
      },
      {
        "id": "loss_effect",
        "keywords": ["没有了","全都没","不见","丢","没了","消失","删除","删掉","清空","覆盖","损坏","找不回","gone","lost","missing","deleted","disappeared","no longer in","no longer there","wiped","erased","corrupted","overwritten","purged","读不出","读不到","读取不到","无法读取","读不了","unreadable","can't be read","cannot be read","could not be read","can no longer be read","can't open any","inaccessible","vanished","不翼而飞","discarded","will be discarded","will be lost","会丢","会被删除","会被清除","被丢弃","saved over","overwrote"]
      },
      {
        "id": "ui_noun",
        "keywords": ["菜单","按钮","图标","选项","入口","标签页","快捷方式","工具栏","栏目","menu","menus","button","buttons","icon","icons","tab","tabs","toolbar","shortcut","shortcuts","menu item","option","options","link","links"]
      },
      {
        "id": "ui_loss",
        "keywords": ["不见","没了","消失","找不到","看不到","disappeared","gone","missing","vanished","no longer there","can't find","cannot find"]
      },
      {
        "id": "ui_gone",
        "requires": ["ui_noun","ui_loss"],
        "within": 8,
        "keywords": []
      },
      {
        "id": "data_present",
        "keywords": ["definitely there","are still there","still there","are all there","all there","都在","还在","都还在","还能打开","can still open","can open them","i can see them"]
      },
      {
        "id": "data_lost",
        "priority": "high",
        "category": "data_request",
        "requires": ["data_noun","loss_effect","!over_now","!ui_gone","!data_present"],
        "keywords": []
      },
      {
        "id": "data_loss",
        "priority": "high",
        "category": "data_request",
        "requires": ["!over_now"],
        "keywords": ["数据丢失","数据丢了","数据没了","全没了","都没了","都不见了","全部消失","全部丢失","都是空的","是空的","被清空","清空了","被删","误删","误操作","删了","被覆盖","覆盖成","备份失败","备份连续","没有备份","没有最近的备份","丢了三个月","找不回","data loss","lost data","data lost","data was deleted","were deleted","was deleted","deleted by mistake","dropped the","dropped by mistake","wiped","overwrote","overwritten","files disappeared","folder disappeared","emails disappeared","data disappeared","by accident","accidentally","is empty","are gone","files are gone","backups have been failing","backup failed","backups failed","no recent copy","no backup","lost all","months of work"]
      },
      {
        "id": "storage_device",
        "keywords": ["hard drive","hard disk","hard drives","ssd","disks","drives","disk","raid","array","nas","san","storage","backup","硬盘","磁盘","两块盘","块盘","阵列","存储","备份盘","共享盘","数据盘","备份"]
      },
      {
        "id": "storage_failed",
        "keywords": ["failed","failing","dead","died","crashed","corrupt","corrupted","unreadable","degraded","can't be read","cannot be read","won't mount","will not mount","can't mount","not mounting","坏了","损坏","故障","读不出","读不到","读取不到","无法读取","读不了","挂载不上","挂不上","掉盘","报废","报警","告警","亮红灯","红灯","灯不亮","不亮了","alarm","alarms","alarming","warning light","red light","amber light","beeping","嘀嘀","要格式化","需要格式化","将其格式化","提示格式化","asks to format","asking to format","needs to be formatted","wants to format","must be formatted","not formatted"]
      },
      {
        "id": "storage_lost",
        "priority": "high",
        "category": "data_request",
        "requires": ["storage_device","storage_failed","!over_now"],
        "within": 16,
        "any_order": true,
        "keywords": []
      },
      {
        "id": "security_risk",
        "priority": "high",
        "category": "security",
        "tags": ["security_risk"],
        "requires": ["!over_now"],
        "keywords": ["安全风险","安全漏洞","勒索","赎金","比特币","加密了","被加密","中毒","中了毒","木马","感染病毒","中了病毒","报病毒","恶意","点了钓鱼","钓鱼邮件里","异地登录","陌生国家","境外登录","黑客","篡改","被黑","入侵","扫描整个内网","扫描内网","陌生的","没人申请","泄露","泄漏","外泄","误发","错发","公开分享","任何人可访问","任何人都能","被偷","被盗","丢了电脑","没有加密","没加密","公开的","群发垃圾","不是我发的","发钓鱼","钓鱼邮件给","公网","暴露","没有密码","无密码","拷走","带走","偷走","还能登录","还可以登录","仍能登录","赌博","挂马","对外公开","国外","不是我本人","不是本人","转发规则","外部邮箱","发到了外部","发给了外部","看到了别人","能看到其他","不该看到","security risk","security breach","security vulnerability","ransom","bitcoin",".locked","encrypted my","ransomware","malware","trojan","virus","clicked a phishing","clicked a link","sending spam","unknown country","from abroad","unauthorized","unauthorised","hacker","hacked","defaced","compromised","nobody requested","leak","leaked","exposed","sent by mistake","by mistake to","emailed to wrong","wrong recipient","anyone with the link","public forum","public repo","public github","publicly","on a public","stolen","not encrypted","unencrypted","infected","spreading","passwords to","port open","without a password","i didn't send","i did not send","gave away","still has access","still have access","public read","public access","set to public","open to the internet","gambling","injected","spam links","copied the customer","exfiltrat","forwarding rule","never wrote","wasn't me","was not me","belong to another","belong to the","belonging to other","visible to","should not see","shouldn't see","can see other","external address","overseas","foreign ip","海外","博彩","曝光","breach","data breach","someone logged into","someone logged in","someone signed in","someone signed into","somebody logged","密码被改","密码被修改","被人登录","被别人登录","有人登录了我的","strange addresses","unknown addresses","suspicious connections","suspicious traffic","command window","cmd window","found a usb","found a usb stick","found a usb drive","捡到u盘","捡到的u盘","捡到一个u盘","陌生地址","异常外联","鼠标自己在动","mouse moving by itself","moves on its own","never created","never set up","didn't set up","did not set up","didn't create","did not create","没设置过","没有设置过","不是我设置","不是我设的","不是我建的","sticky note","post-it","便利贴","便签上","写在纸上","贴在显示器","手机遗失","电脑遗失","笔记本遗失","工牌遗失","门禁卡遗失","丢了手机","手机丢了","手机落在","电脑落在","笔记本落在","落在出租车","落在地铁","lost my phone","lost my work phone","lost my laptop","left my laptop on","left my phone on","left my phone in","left my laptop in","phone was stolen","laptop was stolen","lost my badge","陌生人","没人约过","没有人约过","不认识的人","自称是","stranger","unknown man","unknown woman","unknown person","claimed to be from","said he was from","said she was from","nobody booked","no one booked","no one had booked","共用账号","共用工号","共用一个账号","共用密码","用别人的账号","密码就贴","密码贴在","shared login","share a login","sharing a login","sharing one login","shared password","share the password","sharing passwords","taped to the","stuck to the monitor","没设锁屏","没有设锁屏","没设密码","wasn't her","wasn't him","was not her","was not him","wasn't them","forwarding all","to an outside","outside address","pop-ups","popups","pop-up ads","homepage changed","changed by itself","browser hijack","弹窗广告","主页被改","异地登陆","被盗号","盗号","gotten into","got into our","broke into","broken into","casino","skimmer","skimming","card skimmer","侧录","侧录器","盗刷","不是我们装的","不是我们插的","不知道谁装的","不知道谁插的","unknown device","keylogger","键盘记录","not something we installed","recording stopped","not recording","nothing has been recorded","监控不录像","监控没录","不录像了","strange login","strange logins","unknown ip","default password","陌生ip","默认密码","login from another country","logged in from another country","sign-in from another country","signed in from another country","from another country","no password on","no password set","with no password","has no password","without any password","in another country","ip in another country","password is written","password written","written on the side of","everyone knows the password","knows the manager password","knows the admin password","密码写在","都知道密码","old credentials","can still log into our","can still log into your","who left last","after leaving","left the company but","已离职的","离职了还能"]
      },
      {
        "id": "credential",
        "keywords": ["password","passwords","credentials","login details","username","user name","logins","密码","账号","工号","口令","验证码","用户名","账户"]
      },
      {
        "id": "credential_given",
        "keywords": ["typed","entered","put in","filled in","submitted","gave","handed over","输入了","输了","填了","填写了","提交了","告诉了","给了","asked for my","asked me for my","asked for the","让输","让我输","要我输","要求输入","让我填","要我填","输入","输进","填进","填写","填入","提交","敲了","was entered","were entered","got entered","typed in","keyed in"]
      },
      {
        "id": "credential_entry",
        "requires": ["credential_given","credential"],
        "within": 24,
        "any_order": true,
        "keywords": []
      },
      {
        "id": "lure",
        "category": "security",
        "keywords": ["phishing","fake","spoof","spoofed","scam","impersonat","pretending","suspicious","not from us","钓鱼","冒充","假冒","仿冒","伪造","假的","可疑","诈骗","冒名","邮件里的链接","邮件链接","点了链接","点开链接","点了一个链接","点进去","要验证","验证账号","验证邮箱","邮箱容量","邮箱已满","不对劲","clicked a link","clicked the link","link in an email","link in the email","verify my account","verify your account","account verification","mailbox is full","mailbox full","felt off","seemed off","redirected","不是公司的域名","不是公司域名","域名不对","网址不对","网址不是","not our domain","not the company domain","wrong domain","look-alike","lookalike","address bar","地址栏","update my bank details","update your bank details","bank details","wasnt right","wasn't right","a text saying","text message saying","got a text","短信说","短信里的链接","短信链接","收到一条短信"]
      },
      {
        "id": "credentials_phished",
        "priority": "high",
        "category": "security",
        "tags": ["security_risk"],
        "requires": ["credential_entry","lure","!over_now"],
        "keywords": []
      },
      {
        "id": "public_site",
        "keywords": ["website","homepage","home page","web site","官网","首页","网站","主页"]
      },
      {
        "id": "tampered",
        "keywords": ["defaced","replaced with","replaced by","被改成","被替换","被篡改","篡改","博彩","赌博","色情","挂马","hacked","casino","instead of the","赌场"]
      },
      {
        "id": "site_tampered",
        "priority": "high",
        "category": "security",
        "tags": ["security_risk"],
        "requires": ["public_site","tampered","!over_now"],
        "within": 24,
        "any_order": true,
        "keywords": []
      },
      {
        "id": "sensitive_data",
        "keywords": ["银行账户","银行卡号","银行信息","工资","薪资","薪酬","身份证","病历","个人信息","客户信息","客户资料","手机号","密码","合同","bank details","bank account","salary","salaries","payroll","passport","id numbers","id photo","medical","patient","personal data","customer data","customer details","phone numbers","credit card","card numbers","contracts","pii","personal information","personally identifiable","customer records","customer names","customer list","patient names","patient details","patient data","patient records","health records","home addresses","addresses","dates of birth","date of birth","social security","national insurance","id card","id cards","diagnoses","staff records","employee records","hr files","hr records","personnel files","salary data","card details","银行卡","身份证号","家庭住址","住址","客户名单","客户联系方式","联系方式","通讯录","隐私","病人信息","员工信息","员工档案","人事档案","工资条","工资表","employee files","staff files","personnel","hr data","员工资料","人事资料","statement","statements","account number","account numbers","balance","balances","对账单","账单明细","余额","household register","household registers","户口本","户口簿","scanned id","home address","phone number","medication","banking"]
      },
      {
        "id": "exposure",
        "keywords": ["其他供应商","其他客户","别人的","别家","其他人的","外部","公网","外网能","任何人","公开","泄露","能看到别人","能看到其他","看到了别人","发给了外部","发到了外部","other suppliers","other customers","other users'","someone else's","another customer","other people's","outside the company","publicly","public internet","public link","public website","anyone can","leaked","exposed","visible to","can see other","could see other","shows other","sent to an external","sent to the wrong","可以直接下载","sees","readable by","accessible to","accessible by","都能看到","都可以看到","都看得到","谁都能看","能看到所有","可以看到所有","能看到全","看到了全","看到整个","都能查看","都能下载","都可以下载","直接下载","everyone can see","anyone can see","can see everyone","can see all","could see all","can see the whole","anyone can download","downloadable by","public read","public-read","公共读","anyone on the internet","on the internet","without signing in","without logging in","without login","without authentication","no login needed","不用登录","无需登录","不需要登录","免登录","personal email","private email","personal gmail","私人邮箱","个人邮箱","qq邮箱","外网访问","外网","by mistake","accidentally","错发","误发","stolen","was taken","被偷","被盗","unencrypted","not encrypted","没加密","not locked","unlocked","left unlocked","没锁屏","未锁屏","没有锁屏","没锁","open on the screen","left open","logged in as","instead of to","wrong person","the wrong person","external contractor","to the contractor","发错人","发给了外包","发给外包","reachable from","can be opened from","opened by anyone","other residents'","other patients'","other members'","other guests'","other clients'","previous person's","previous user's","last person's","type in any","any order number","random number","different people each time","that customer's"]
      },
      {
        "id": "data_exposed",
        "priority": "high",
        "category": "security",
        "tags": ["security_risk"],
        "requires": ["sensitive_data","exposure","!over_now"],
        "keywords": []
      },
      {
        "id": "system_crash",
        "priority": "high",
        "requires": ["!over_now"],
        "keywords": ["系统崩溃","系统崩了","系统挂了","系统瘫痪","宕机","瘫痪","system crash","server down","servers down","system down","site is down"]
      },
      {
        "id": "core_function_unusable",
        "priority": "high",
        "requires": ["!over_now"],
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
        "id": "consultation",
        "priority": "low",
        "keywords": ["请问","如何","怎么","怎样","咨询","想了解","想问","问一下","问问","能否","可以吗","可不可以","能不能","有没有","在哪","哪里","哪个","哪些","什么时候","多少","多久","几年","几位","流程","步骤","教程","说明","技巧","快捷","模板","培训","建议","推荐","找谁","吗？","吗?","吗","how do","how can","how to","how long","how many","how much","how often","how should","where can","where do","where is","where are","where should","which ","what is the","what's the","what's new","is there","are there","is it possible","is it allowed","is it safe","can i","could i","may i","do we have","does it","will the","will it","any tips","any advice","any guide","instructions","guide","tips","just curious","question about","i'd like to know","i wonder","wondering","suggestion","it would be nice","training","who should","who approves","recommended","only asking","just asking","?","what's the process","what is the process","the process for","process to","the procedure for","procedure to","what the process is","流程是什么","什么流程","where to ","find where"]
      },
      {
        "id": "version_enquiry",
        "priority": "low",
        "keywords": ["版本更新","版本信息","新版本","更新说明","version update","release notes","which version","latest version","new version","newer version"]
      },
      {
        "id": "action_request",
        "priority": "medium",
        "requires": ["!over_now","!feature_idea","!feature_wish"],
        "keywords": ["弄一下","处理一下","帮忙看","帮我看","修一下","修理","换个","换一个","look at it","look into it","take a look","have a look","look at this","fix it","fix this","fix that","sort it out","sort this out","check it out","replace it","帮看","来看","看一下吗","看一下吧","能不能看一下","能看一下","可以看一下","给看一下","reissue","be corrected","correct it","correct this","corrected","refund the","退回","退还","更正","纠正","重新开票","重开发票","多扣","扣了两次","重复扣","charged twice","double charged","double-charged","overcharged","can someone check","someone check","could someone check","can you check","pls check","please check","麻烦查一下","帮忙查一下","帮我查一下","查一下是"]
      },
      {
        "id": "own_duty",
        "keywords": ["we're supposed to","we are supposed to","are we supposed to","am i supposed to","i'm supposed to","i am supposed to","we're meant to","we are meant to","are we meant to","am i meant to","i'm meant to","i am meant to","we supposed to","i supposed to","we meant to","i meant to","you're supposed to","are you supposed to"]
      },
      {
        "id": "questions_behaviour",
        "priority": "medium",
        "requires": ["!own_duty","!over_now"],
        "keywords": ["supposed to","meant to"]
      },
      {
        "id": "service_request",
        "priority": "low",
        "keywords": ["申请一台","想申请","申请导出","申请开通","申请权限","申请账号","发我一份","给我一份","帮忙导出","麻烦导出","导出一下","请开通","please give","please grant","please set up","please create","please send a list","please send me","could you send me","can you send me","can i get access","request access","access request","new starter","new joiner","for our annual","subject access request","copy of my data","copy of the personal data","asked for a copy","a copy of the records","copy of the records","copy of our records","records for the auditor","for the auditor","导出成","导出为","导成表格","as a csv","as a spreadsheet","in a spreadsheet","要一份","would like a copy","want a list of","need a list of"]
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
        "keywords": ["钓鱼","可疑","病毒","杀毒","异地登录","泄露","工牌丢失","安全","phishing","suspicious","virus","antivirus","unknown login","lost badge","lost device","security","safe","safely"]
      },
      {
        "id": "account_access",
        "category": "account_access",
        "keywords": ["无法登录","登录","登不上","密码","账号","账户","锁定","权限","验证器","单点登录","登录名","log in","login","sign in","sign-in","password","locked","mfa","sso","access to","account","authenticator","credentials","permission","登陆","登陆不"]
      },
      {
        "id": "billing",
        "category": "billing",
        "keywords": ["发票","账单","扣款","退款","收据","扣了","多少钱","费用","invoice","invoices","billing","charge","charged","refund","receipt","cost","subscription"]
      },
      {
        "id": "network",
        "category": "network",
        "keywords": ["网络","vpn","断网","无法上网","上不了网","外网","wi-fi","wifi","无线","dns","域名","网口","网速","带宽","专线","交换机","热点","internet","cannot reach","network","disconnects","switch","bandwidth","hotspot","port at","lines"]
      },
      {
        "id": "hardware",
        "category": "hardware",
        "keywords": ["打印机","显示器","键盘","鼠标","电池","笔记本","扩展坞","投影","耳机","扫描仪","手机","硬盘","风扇","空调","ups","开不了机","printer","monitor","keyboard","mouse","battery","laptop","docking station","dock","projector","headset","scanner","disk","fan","power went","power cut","power brick","power supply","phone","air conditioning","will not boot","pc controlling","tv"]
      },
      {
        "id": "software_install",
        "category": "software_install",
        "keywords": ["需要安装","安装","装一下","许可证","激活","浏览器","预装","软件","install","installer","installing","license","licence","activation","activated","update to","browser","visio","acrobat","java","python","zoom","windows version"]
      },
      {
        "id": "data_request",
        "category": "data_request",
        "keywords": ["数据导出","数据申请","恢复","导出","备份","日志","归档","保留","数据","export of","data for","restore","audit","backup","backups","logs","archive","export","records","kept","copy of"]
      },
      {
        "id": "feature_request",
        "category": "feature_request",
        "keywords": ["希望增加","建议增加","新增功能","功能需求","希望","建议","要是有","深色","模板","培训","feature request","please add","add support","dark mode","dark theme","bulk edit","support csv","would like","it would be nice","suggestion","template","training","new features"]
      },
      {
        "id": "performance",
        "category": "performance",
        "keywords": ["很慢","响应慢","卡顿","加载慢","慢","卡死","卡住","很烫","cpu","超时","slow","slowly","high cpu","performance","takes >","latency","freezes","freeze","times out","timing out","very hot","minutes per","seconds per"]
      },
      {
        "id": "bug",
        "category": "bug",
        "keywords": ["报错","错误","崩溃","异常","闪退","乱码","没反应","不对","错位","bug","error","crash","crashes","unresponsive","not refreshing","unexpected","does nothing","wrong","garbled","broken","fails","misaligned","overlaps","# error"]
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
    },
    "model": "desk:builtin",
    "model_threshold": 0.9,
    "model_raise": 0.75,
    "model_first": 0.5,
    "model_first_over_high": 0.8,
    "model_first_category": 0.6
  },
  "phrases": {
    "vague": [],
    "taboo": [],
    "model": "desk:builtin",
    "model_threshold": 0.65,
    "families": [
      {
        "id": "dont_know",
        "kind": "taboo",
        "canonical": "我不知道",
        "seed": "seed 004 服务忌语",
        "suggestion": "我帮您确认一下，稍后给您答复 / Let me find out and get back to you",
        "anywhere": ["我不知道","我也不知道","我哪知道","我怎么知道","谁知道呢","我不晓得","我也不清楚","我哪清楚","i don't know","i do not know","i have no idea","i've no idea","how should i know","how would i know","i dunno","no clue","not a clue","beats me","不太清楚是怎么回事","也不太清楚是怎么回事","不清楚是怎么回事","我也说不好是怎么回事","系统有时候就是这样","有时候就是这样","过阵子就好了","过一阵就好了","过段时间就好了","过一会儿就好了","it just does that sometimes","it does that sometimes","it'll sort itself out","it will sort itself out","should sort itself out"],
        "clause": ["不知道","不晓得","不清楚","没概念","no idea","dunno","idk","don't know","who knows"],
        "unless_followed_by": ["i will","i'll","we will","we'll","i have opened","i've opened","we have opened","i have asked","i've asked","i have escalated","i've escalated","i have contacted","i've contacted","i am checking","i'm checking","we are checking","we're checking","i'm looking into","i am looking into","let me find out","let me check","我会","我们会","我这就","我马上","我们马上","正在","已经联系","已联系","已经转","已转给","已提交","稍后给您","会尽快","给您回复","给您答复","通知您","联系您","will update","update you","get back to you","let you know","will call","will send","will confirm","i've pulled","i have pulled","i've requested","i have requested","i've raised","i have raised","i've logged","i have logged","我已经","我已","会在","之前给您","will get back","will let you know","will follow up","will contact","we have pulled","稍后","尽快给您","will be","is driving","on the way","on his way","on her way"]
      },
      {
        "id": "wont_work",
        "kind": "taboo",
        "canonical": "这个不行",
        "seed": "seed 004 服务忌语",
        "suggestion": "这个方式暂时无法实现，我们可以试试其他办法 / This approach won't work here; let's try another way",
        "anywhere": ["这个不行","这不行","这样不行","那个不行","这个不可以","这个没办法","这没办法","this won't work","that won't work","this will not work","this doesn't work","no can do","that's not possible","this is not possible","that is not possible","not gonna happen","我也没办法","我也没有办法","没有办法了","本来就这样","系统就这样","就是这样的没办法","it is what it is","that's just how it is","that's just the way it is","that's how it is","i'll close this","i will close this","closing this for now","close this for now","先关了","先关闭工单","先把工单关了"],
        "clause": ["不行","没办法","没辙","不可能","impossible","not possible","no way","nope","can't help"]
      },
      {
        "id": "talk_to_boss",
        "kind": "taboo",
        "canonical": "那你和我们领导讲吧",
        "seed": "seed 004 服务忌语",
        "suggestion": "我会向负责人反映，并尽快给您答复 / I'll raise this with my lead and get back to you",
        "anywhere": ["你和我们领导讲","你跟我们领导讲","你和领导讲","你跟领导讲","你跟领导说","你和领导说","你去找领导","你找领导","你找我们领导","找我们领导去","你去跟领导","你自己找领导","投诉我好了","你去投诉","talk to my manager","talk to my boss","talk to my supervisor","speak to my manager","take it up with my manager","take it up with management","complain to my boss","go complain","ask my manager yourself","跟我们领导说","跟领导说吧","去跟领导说","找领导说","去跟我们领导","跟我们领导讲","找我们领导"]
      },
      {
        "id": "go_elsewhere",
        "kind": "taboo",
        "canonical": "你去跟省公司讲吧",
        "seed": "seed 004 服务忌语",
        "suggestion": "我来帮您联系相关单位，有结果第一时间通知您 / I'll contact the right team for you and tell you as soon as I hear back",
        "anywhere": ["你去跟省公司讲","你跟省公司讲","你去找省公司","你找省公司","你去问省公司","你去找别的部门","你找别的部门","你找其他部门","你去问别人","你自己去问","不归我们管","不归我管","不是我们部门的事","跟我们没关系","not our department","not my department","not our problem","not my problem","not my job","not our job","go ask someone else","ask someone else","ask another team","contact someone else","call someone else","figure it out yourself","take it up with","跟我没关系","跟我无关","与我无关","和我没关系","和我无关","不关我的事","不关我事","不是我弄的","不是我的事","找他去","找她去","问他去","问她去","go ask him","go ask her","ask him yourself","ask her yourself","that's on him","that's on her","not on me","nothing to do with me","你直接找他","你直接找她","直接找他","直接找她","你找他吧","你找她吧","你去找他","你去找她","ask him directly","ask her directly","contact him directly","contact her directly","go and ask him","go and ask her","go and ask them","go and ask","ask him about it","ask her about it","请直接与厂商联系","请直接联系厂商","直接与厂商联系","直接联系厂商","请直接与供应商联系","直接联系供应商","请自行联系厂商","自行联系厂商","please contact the vendor directly","contact the vendor directly","talk to your vendor","contact your vendor","ask your vendor","call your vendor","check with your vendor","go to your vendor","raise it with your vendor","找你们的供应商","找厂家去","找供应商去","你去找厂家","你们自己找厂家","not our team","not my team","not our area","not a desk issue","not a service desk issue","not a helpdesk issue","not a help desk issue","不是我们这边的","不归我们这边","不是我们这边管","please contact the…directly","please contact your…directly","请直接联系…厂商","请直接联系…供应商","直接找…厂商","你去找…组","你去问…组","你找…组去","找…组去","你去找…部门","你去问…部门","具体情况请咨询","具体请咨询","详情请咨询","自行处理即可","请自行处理","自己处理即可"]
      },
      {
        "id": "too_busy",
        "kind": "taboo",
        "canonical": "我现在很忙",
        "seed": "seed 004 服务忌语",
        "suggestion": "请稍等，我处理完手头的请求马上为您服务 / I'll be with you in a moment",
        "anywhere": ["我现在很忙","我很忙","我在忙","我现在没空","我没空","没空理你","我正忙着呢","我正忙着","忙着呢","我忙着呢","没时间管","i'm busy","i am busy","i'm too busy","i am too busy","i don't have time for","i have no time for","no time for this","i'm swamped","事情太多","事太多","手上事多","手上事情多","你先等着","先等着吧","等着吧","you'll have to wait","you will have to wait","wait your turn","get in line","join the queue","i'm really busy","i am really busy","i'm very busy","i'm so busy","we're really busy","我真的很忙","我今天很忙","你排队","先排队","排队等着","排着队等着","more pressing","more important requests","more important things","tickets ahead of yours","ahead of yours","一堆事","手上一堆","手头一堆","我好忙","而家好忙","我现在好忙","我今天好忙","我们好忙","好忙啊"],
        "clause": ["排队","排着","等着","queue up"],
        "unless_followed_by": ["who will call you","will call you before","will call you at","will be with you at","i've passed your","i have passed your","i've handed your","i have handed your","他会在","她会在","会在今天","点前联系您","点前给您"]
      },
      {
        "id": "your_fault",
        "kind": "taboo",
        "canonical": "是你没说清楚，能怪我吗",
        "seed": "seed 004 服务忌语",
        "suggestion": "可能是我没有理解清楚，麻烦您再描述一下 / I may have misunderstood; could you describe it once more?",
        "anywhere": ["是你没说清楚","你没说清楚","你没讲清楚","你自己没说清楚","你自己没讲清楚","你没说明白","你没讲明白","你没描述清楚","能怪我吗","怪我咯","这能怪我","这不怪我","不是我的错","关我什么事","关我啥事","你自己的问题","是你自己","you didn't explain","you did not explain","you didn't say","you never said","you weren't clear","you were not clear","it's your fault","it is your fault","your own fault","not my fault","that's on you","that's your problem","your problem not mine","you should have said","you should have told","你自己操作","你操作有问题","你操作不当","你操作错","你自己弄错","你自己搞错","你自己弄坏","是你操作","是你自己弄","是你弄","you must have done something","you did something wrong","you must have clicked","you must have deleted","you must have changed","you broke it","you messed it up","you messed up","your mistake","you did it wrong","you're doing it wrong","you are doing it wrong","doing something wrong","check properly","before raising tickets","before raising a ticket","before logging a ticket","before opening a ticket","if people read","if you read the","told everyone","we've told everyone","we have told everyone","half of these tickets","you never restart","你们自己把","你自己把","你们自己弄","都是你们自己","wasted a whole day","wasted our time","wasting our time","wasted my time","wasting my time","waste of our time","waste of my time","before contacting us","before you contact us","before opening another ticket","before raising another ticket","before logging another ticket","read it properly","read them properly","read them again before","read it again before","happens when staff do not","happens when users do not","happens when you do not","happens when people do not","before logging tickets","before you log","saves us all time","别人都能用","别人都可以用","其他人都能用","其他人都可以用","works for everyone else","works for everybody else","是不是你自己","people do not read","users do not read","staff do not read","people do not follow","users do not follow","staff do not follow","people do not read the","when people do not","没有把问题描述清楚","没把问题描述清楚","没有描述清楚","没描述清楚","描述清楚后再提交","未按规范操作所致","操作不规范所致","操作不当所致","使用不当所致","操作失误所致","used incorrectly by your","incorrectly by your staff","by someone on your own team","by someone on your team","能怪谁","怪谁呢","怪不得别人","只能怪你自己","怪你自己","who else is to blame","whose fault is that","who's fault is that","only have yourself to blame","only yourself to blame","you typed the password wrong","you typed your password wrong","you typed it wrong","you mistyped","be specific next time","be more specific next time","next time be more specific","next time be specific","下次说清楚","下次说具体点","下次描述清楚点","下次写清楚","why you never","why didn't you attach","why you didn't attach","why did you not attach","how we know what happen","how are we supposed to know","how were we supposed to know","how would we know what","你为什么不截图","为什么不截图","不截图我们怎么知道","你不说我们怎么知道","你不说清楚我们怎么知道","你自己再看看","你再自己看看","你自己看看吧","check it yourself","look it up yourself","您自行操作","你自行操作","是您自己操作","自行操作造成","自行操作导致","我们无法负责","我们不负责","概不负责","不承担任何责任","we cannot be held responsible","we can't be held responsible","we are not responsible for","we're not responsible for","we are not liable","自己搞错了","you got it wrong","skill issue","菜就多练","技术问题自己练","就该说清楚","早该说清楚","应该早说","现在才说","had read…properly","it's all on there","clicked something…shouldn't have","shouldn't have clicked"]
      },
      {
        "id": "whats_the_rush",
        "kind": "taboo",
        "canonical": "急什么，我正忙着呢",
        "seed": "seed 004 服务忌语",
        "suggestion": "我理解您很着急，我正在加紧处理 / I understand this is urgent; I'm working on it now",
        "anywhere": ["急什么","急啥","着什么急","你急什么","催什么","催啥","别催了","别催","what's the rush","what is the rush","why the rush","stop rushing me","stop pushing me","don't rush me","stop chasing me","chill out","already told you","told you twice","told you already","i've told you","i have told you","how many times","我已经说过","说过多少遍","说了多少次","说过好几遍","跟你说过了","都说了","说了几遍","讲了三遍","说了三遍","讲了两遍","说了两遍","讲了几遍","讲了好几遍","说了好几遍","讲过了","都讲了","有没有在听","你到底有没有","already explained","explained twice","explained this twice","explained it twice","as i've already","as i have already","as i already said","read the email i sent","read my email","read my previous","i already sent you","急也没用","着急也没用","催也没用","急有什么用","rushing me won't","chasing won't help","third time you","third time your","again and again you","第三次了","又弄坏","又搞坏","you keep breaking","you keep asking","don't raise tickets for","don't raise a ticket for","don't log tickets for","don't log a ticket for","don't open a ticket for","don't open tickets for","not worth a ticket","这点小事也","这种小事也","这点小事还","这种小事还","这点小事就","这种小事就","为这点小事","为这种小事","这种事也要提单","这种事也提单","这也要提单","这也要报修","你到底说的","你到底要","你到底想","你到底在说","what on earth","what are you even","don't chase me","can this wait","can it wait","it can wait","这么点小事","小事也要","也要提工单","也要报单","也要提单","as i mentioned in my previous","as mentioned in my previous","as mentioned in my last","as i mentioned in my last","as i have mentioned","as previously mentioned","as already mentioned","as i said before","说了多少遍","说过多少次","讲了多少遍","讲过多少遍","说了好多遍","说了很多次","说了很多遍","stop emailing","stop calling me","stop messaging","did you actually","did u actually","怎么还在问","还在问","别再催","催都没用","催了也没用","won't make it go any faster","won't make it any faster","won't make it go faster","won't make it faster","doesn't make it faster","does not make it faster","won't speed it up","won't speed things up","all caps won't","shouting won't","yelling won't","大写也没用","喊也没用","吼也没用","已经答复过三次","已答复过多次","已经答复过多次","答复过三次了","请认真阅读之前","不要重复提单","请勿重复提单","as stated in our previous","as we have already replied","we have already answered this","already answered this three times","please read our previous replies","do not open duplicate tickets","like i said…twice","said…twice now","told you…twice","told you…three times","explained…twice","说了…遍了","讲了…遍了","跟你说了…次了","you need to actually read","actually read the email","actually read my","it's all in there","it's all in the email","都在邮件里","third time today","third time this week","did you even try","did you even read","have you tried reading","try reading it","stop raising…tickets","stop logging…tickets","stop opening…tickets"],
        "clause": ["calm down","relax"]
      },
      {
        "id": "cant_be_done",
        "kind": "taboo",
        "canonical": "这个实现不了",
        "seed": "seed 004 服务忌语",
        "suggestion": "目前无法直接实现，我们可以考虑以下替代方案 / We can't do that directly; here are the alternatives",
        "anywhere": ["这个实现不了","这实现不了","实现不了","做不了","办不到","搞不了","弄不了","没法弄","can't be done","cannot be done","can not be done","we can't do that","we cannot do that","there's nothing we can do","there is nothing we can do","nothing i can do","nothing we can do","nothing we can do about","not something we can fix","we can't fix that","nothing more we can do","没什么可做的","我们也没办法","what you want us to do","what do you want us to do","what you expect us to do","what do you expect us to do","你想让我们怎么办","你要我们怎么办","你想要我们怎么样","what…do you want me to do","what…you want me to do","what do you expect me to do","你想让我…怎么办","你要我…怎么办","你到底想让我","buy a newer one if","buy a new one if you want","just buy a new one","just buy a newer one","买个新的吧","换个新的吧","我们这边无法回答","我们无法回答","无法回答您","we can't answer that","we cannot answer that","不行就算","if that doesn't work forget it","if not forget it","not much we can do","nothing much we can do"],
        "unless_followed_by": ["i will","i'll","we will","we'll","i have opened","i've opened","we have opened","i have asked","i've asked","i have escalated","i've escalated","i have contacted","i've contacted","i am checking","i'm checking","we are checking","we're checking","i'm looking into","i am looking into","let me find out","let me check","我会","我们会","我这就","我马上","我们马上","正在","已经联系","已联系","已经转","已转给","已提交","稍后给您","会尽快","给您回复","给您答复","通知您","联系您","will update","update you","get back to you","let you know","will call","will send","will confirm","i've pulled","i have pulled","i've requested","i have requested","i've raised","i have raised","i've logged","i have logged","我已经","我已","会在","之前给您","will get back","will let you know","will follow up","will contact","we have pulled","稍后","尽快给您","因为","由于","原因是","because","since the","due to","我已经把","已经把","已提交给","提交给","已转交","转交给","已反馈","反馈给","建议您","建议先","可以先","替代","instead","as an alternative","alternatively","workaround","先给您","给您一个办法","临时方案","变通","in the meantime","meanwhile","我先","我可以帮您","可以帮您"]
      },
      {
        "id": "you_should_know",
        "kind": "taboo",
        "canonical": "你怎么什么都不知道",
        "seed": "seed 004 禁止: 问题很简单时，说用户“你怎么什么都不知道”",
        "suggestion": "这个问题我来为您详细说明一下 / Let me walk you through it",
        "anywhere": ["你怎么什么都不知道","你什么都不知道","你怎么连这都不知道","连这都不知道","这都不知道","这都不会","连这个都不会","这么简单都不会","这么简单的问题","你怎么不懂","how do you not know","how can you not know","you should know this","you should already know","everyone knows","even a child","this is basic","it's obvious","read the manual","rtfm","common sense","这么简单的东西","这么简单的事","你怎么都不会","你怎么连","你连这","这也不会","连这个也不会","don't even know how","do not even know how","can't even","you don't know how to","not rocket science","a child could","anyone could do","so simple even","basic stuff","how hard can it be","how hard is it to","read the user guide","read the guide","if you'd read","if you had read","if you'd bothered","if you had bothered","wouldn't need to ask","would not need to ask","自己先看看","再来问","说明书上写着","说明书第一页","说明书里写着","自己看说明书","自己去看","这么简单的操作","教过你","教过您","教过你们","刚教过","不是教过","不是说过了吗","不是讲过了吗","又来问","怎么又来问","怎么又问","照着说明书","照说明书","按说明书做就行","说明书上有","we went over this","i showed you","as i showed you","we've been through this","you've been shown","you were shown","just follow the manual","it's in the manual","train the staff","train your staff","培训一下","教教你们","讲过好几次","说过好几次","讲过很多次","说过很多次","讲过几次","说过几次","照着手册","按手册做","怎么还不会","还是不会吗","还不会吗","told you several times","told you many times","follow the manual","说了多少遍","多少遍了","说过多少次","讲了多少遍","怎么还是不会","how many times do i","how many times have i","别每次都来问","每次都来问","按上面做就行","按上面一步一步做","不是已经发过","已经发过操作说明","说过很多遍","讲过很多遍","说了很多遍","讲了很多遍","自己看文档","自己查文档","早通知过了","早就通知过了","群里早通知","群里早就通知","早就说过了","自己往上翻","往上翻翻","自己翻记录","没转告你","没通知你吗","scroll up and read","it was in the email","was already announced","has already been announced","we announced this","不就行了","不就好了","不就可以了","不就完了","literally step","it is literally","its literally","like the guide says","re-read the guide","reread the guide","please re-read","please reread","because…was so hard","because…is so hard","literally tells you","tells you exactly what to do","tells you what to do"]
      },
      {
        "id": "handled",
        "kind": "vague",
        "canonical": "已处理",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已处理","已经处理","处理好了","处理完了","处理完毕","处理完成","处理过了","处理了","已处理完","taken care of","been handled","dealt with","been processed","妥善处理","妥善处置","已妥善","按流程处理","按照流程处理","按规定处理"],
        "clause": ["handled","processed","done with it","同上","见上","如上","同前","see above","as above","same as above","ditto"]
      },
      {
        "id": "completed",
        "kind": "vague",
        "canonical": "已完成",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已完成","已经完成","完成了","搞定了","搞定","弄好了","做好了","办好了","已办结","all done","been completed","been done","办结","按程序办结"],
        "clause": ["done","completed","finished","complete","好了","完了","over"]
      },
      {
        "id": "resolved",
        "kind": "vague",
        "canonical": "已解决",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "anywhere": ["已解决","已经解决","解决了","已修复","修复了","已修好","修好了","已恢复","恢复了","恢复正常","已正常","正常了","没问题了","ok了","可以了","好使了","能用了","been resolved","been fixed","been solved","been sorted","sorted out","all sorted","all good","all set","should be fine","should be ok","should work now","works now","working now","fine now","good to go","back to normal","no longer an issue","sorted it","fixed it","should be working","should be fixed","should be sorted","should be good","应该好了","应该可以了","应该没问题了","可以用了","working as expected","works as expected","全部搞定","已经全部搞定","should work","it should work","should be working fine"],
        "clause": ["resolved","fixed","solved","sorted","repaired","restored","working","works","fine","ok now","normal"]
      },
      {
        "id": "ok",
        "kind": "vague",
        "canonical": "OK",
        "seed": "seed 004 BRT回复规范 禁止使用“已处理”、“已完成”、“已解决”、“OK”等字样回复",
        "clause": ["ok","okay","k","kk","好的","好","行","收到","了解","明白","知道了","嗯嗯","noted","got it","roger","sure","yes","yep","fine","ack","thanks","thank you","谢谢","cool","正常","正常了","恢复正常","一切正常","恢复","normal","back to normal","works","working","all fine","确认","已确认","用户确认","用户已确认","客户确认","confirmed","user confirmed","customer confirmed","seems fine","seems ok","seems okay","looks fine","looks ok","looks okay","looks good","seems good","seems to work","seems to be working","appears fine","appears to work","好像好了","好像正常","看起来正常","似乎正常","service restored to normal operational parameters","restored to normal operational parameters","normal operational parameters","operating within normal parameters","seems happy","seems happy now","looks happy","seems fine now","looks fine now","seems ok now","看着正常了","好像好了吧","似乎好了","user happy","user is happy","customer happy","customer is happy","用户满意","用户很满意","no further complaint","no further complaints","no complaints","no more complaints","无投诉","用户无投诉","没有再投诉","未再投诉","没事了","没事","she said thanks","he said thanks","they said thanks","said thanks"],
        "whole": ["好滴","ok的"]
      },
      {
        "id": "vague_description",
        "kind": "vague",
        "canonical": "前台操作解决",
        "seed": "seed 004 BRT回复规范 禁止使用“前台操作解决”等笼统模糊的描述字样",
        "anywhere": ["前台操作解决","前台操作","前台解决","前台处理","后台操作","后台处理","后台解决","远程处理","远程解决","远程操作","按流程处理","按要求处理","按规定处理","正常操作","相关操作","相应操作","进行了处理","进行处理","做了处理","做了调整","进行了调整","调整了一下","重新操作","操作了一下","处理一下","系统问题","操作问题","环境问题","配置问题","网络问题","frontend operation","front-end operation","on the front end","in the backend","on the backend","backend fix","fixed remotely","done remotely","handled remotely","performed the operation","followed the procedure","made some changes","made adjustments","adjusted some settings","did some operations","system issue","user error","config issue","configuration issue","some issue","an issue","from the front end","from the front-end","from the frontend","via the front end","前台重新操作","重新操作一下","后台改了","后台调了","后台弄了","后台改一下","改了一下","调了一下","弄了一下","tweaked something","changed something in the backend","changed a setting","issue with system","issue with the system","problem with the system","problem with system","system problem","system error","系统原因","网络原因","环境原因","可能是网络","后台调整","后台调了一下","组织相关同事","相关同事进行了处理","高度重视","取得良好效果","良好效果","组织技术力量","进行处置","及时组织人员","try again","try it again","retry","让用户重试","让他重试","让她重试","让用户再试","重试一下","再试一次","no further complaints","no more complaints","no complaints","has not complained","hasn't complained","no further reports","not heard back","haven't heard back","no reply from the user","用户没再反馈","没有再反馈","用户未再反馈","没再投诉","没有再投诉","用户没有再报","暂无反馈","用户未回复","did some stuff","some stuff","did stuff","did something","弄了些东西","搞了一下","弄了些","usual process","the usual way","standard procedure","按常规","常规方法","常规处理","常规流程","常规操作","standard troubleshooting","the standard steps","usual troubleshooting","basic troubleshooting steps","常规排查","按标准流程","按正常流程","按正常的流程","正常流程操作","按流程操作","按常规操作","pebkac","pebcak","id10t","layer 8","appropriate remediation measures","remediation measures","appropriate measures","necessary measures","采取了相应措施","采取相应措施","相应措施","必要措施","方面的问题","方面问题","advised customer","advised the customer","advised user","advised the user","informed customer","informed the customer","informed user","informed the user","told the user","told the customer","已告知用户","已告知客户","告知用户","告知客户","已指导用户","指导用户操作","did the usual","the usual steps","like we always do","跟他说了","跟她说了","跟客户说了","跟用户说了","told him","told her","搞错了","弄错了","got it wrong","did it wrong","a thorough investigation","appropriate…measures","underlying…concerns","vendor问题","vendor的问题","厂商问题","厂家问题","供应商问题","vendor issue","vendor problem","third-party issue","third party issue","第三方问题"]
      },
      {
        "id": "moved_on",
        "kind": "vague",
        "canonical": "已转/已关闭 (no 处理方案, no 处理结果)",
        "seed": "seed 004 BRT回复规范: 问题回复至少包含【原因说明】、【处理方案】、【处理结果】三个要素",
        "anywhere": ["sent to vendor","sent to the vendor","passed to vendor","passed to the vendor","referred to vendor","referred to the vendor","escalated to vendor","escalated to the vendor","转厂商","转给厂商","交给厂商","转供应商","交给供应商","went away on its own","went away by itself","resolved itself","fixed itself","sorted itself out","cleared itself","自行恢复","自动恢复","自己好了","自己恢复了","自己恢复","no further action","no action taken","no action needed","no action required","无需处理","无需操作","未做处理","没做处理","working as designed","works as designed","working as intended","works as intended","by design","as designed","expected behaviour","expected behavior","not a bug","设计如此","正常现象","属于正常现象","不是bug","非bug","系统设计就是这样","see the user guide","refer to the user guide","check the user guide","see the manual","refer to the manual","check the manual","see the faq","refer to the faq","check the faq","参阅用户手册","请参阅手册","参考用户手册","查看用户手册","看一下手册","看操作手册","参照操作手册","见操作手册","我们这边看都正常","我们这边都正常","我们这边看没问题","我们这边没问题","looks fine on our side","looks fine on our end","fine on our end","fine on our side","nothing wrong on our side","nothing wrong on our end","转给vendor","转vendor","等vendor","转给供应商","waiting on vendor","waiting for the vendor"],
        "clause": ["escalated","closed","ticket closed","closed ticket","case closed","transferred","forwarded","passed on","waited","waiting","wait","monitored","monitoring","observing","observed","no action","nothing done","went away","issue went away","problem went away","it went away","self-resolved","self resolved","cleared","已升级","升级处理","已转","已转交","已关闭","关闭","已关单","关单","等待","等了一会","等待恢复","观察","持续观察","观察中","未处理","无操作","没处理"]
      },
      {
        "id": "unknown_cause",
        "kind": "unknown_cause",
        "canonical": "原因不明",
        "seed": "seed 004 BRT回复规范: 已经处理的工单，问题回复至少包含【原因说明】",
        "anywhere": ["原因不明","原因未知","原因不详","不明原因","未知原因","原因待查","原因待定","不清楚原因","不知道原因","找不到原因","查不到原因","没查到原因","没找到原因","原因不清楚","具体原因不清楚","cause unknown","unknown cause","unknown reason","reason unknown","root cause unknown","no root cause","cause not found","could not find the cause","couldn't find the cause","could not determine","couldn't determine","not sure why","no idea why","unclear why","cause is unclear","don't know why","do not know why","confluence of factors","combination of factors","a number of factors","multiple factors","various factors","root cause analysis is ongoing","root cause analysis ongoing","root cause analysis is in progress","root cause analysis pending","rca is ongoing","rca ongoing","rca pending","rca in progress","cause is still being investigated","cause is being investigated","cause is under investigation","cause under investigation","根因分析中","根因待分析","根因仍在分析","原因正在分析","原因仍在调查","原因还在排查","原因待进一步分析","多种因素","多方面因素","综合因素","多重因素","combination of environmental factors","appears to be related to","may or may not recur","combination of…factors","various…factors","multiple…factors","a number of…factors","多种…因素","多方面…因素","各种…因素","综合…因素"],
        "clause": ["未知","不明","不详","待查","无","没有","不清楚","unknown","unclear","n/a","na","none","nil","tbd","tbc","todo","no idea","not sure","various","misc","other","其他","其它","glitch","a glitch","a blip","blip","hiccup","a hiccup","temporary glitch","system glitch","偶发","偶发问题","小毛病","抽风","bug","intermittent glitch","random glitch","one-off glitch","transient glitch","software glitch","a random glitch","just a glitch","intermittent issue","intermittent fault","intermittent problem","random issue","random error","one-off","a one-off","fluke","a fluke","间歇性故障","偶发故障","偶发现象","系统抽风","随机故障","临时故障","environmental factors","external factors","环境因素","外部因素","外部原因","intermittent environmental factors","transient environmental factors","various environmental factors","issue identified","problem identified","cause identified","root cause identified","问题已查明","原因已查明","已查明"]
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
  },
  "knowledge": {
    "kb": null,
    "review_working_days": 2
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
