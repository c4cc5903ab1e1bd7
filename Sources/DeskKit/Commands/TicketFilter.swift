// The filters of `show`: flags combine with AND, a repeated flag with OR. Built and checked from
// the arguments before any input is read; each ticket is then tested on the bytes of its line
// (the member ranges the decoder already found), so a filtered `show` stays a streaming,
// byte-for-byte filter that costs little more than an unfiltered one.
#if canImport(Glibc)
import Glibc
#endif

/// The filter flags, declared once (show uses them; queue may too).
public enum FilterFlags {
    public static let all: [FlagSpec] = [
        FlagSpec("owner", kind: .string, valueName: "NAME", repeatable: true, help: "pick tickets whose first-contact owner is NAME"),
        FlagSpec("assignee", kind: .string, valueName: "NAME", repeatable: true, help: "pick tickets assigned to NAME"),
        FlagSpec("tier", kind: .choice(Tier.names), repeatable: true, help: "pick tickets at this tier"),
        FlagSpec("channel", kind: .choice(Channel.names), repeatable: true, help: "pick tickets that came in by this channel"),
        FlagSpec("category", kind: .string, repeatable: true, help: "pick tickets in this category"),
        FlagSpec("tag", kind: .string, repeatable: true, help: "pick tickets carrying this tag"),
        FlagSpec("requester", kind: .string, repeatable: true,
            help: "pick tickets whose requester's name, e-mail, phone, account or contact contains TEXT (any case)"),
        FlagSpec("opened-since", kind: .instantOrDuration, help: "pick tickets opened at or after TIME, or within DURATION before now"),
        FlagSpec("opened-before", kind: .instantOrDuration, help: "pick tickets opened before TIME, or more than DURATION before now"),
        FlagSpec("updated-since", kind: .instantOrDuration,
            help: "pick tickets whose last history event is at or after TIME, or within DURATION before now"),
        FlagSpec("breached", help: "pick tickets that missed an SLA target by now (recorded, or a due passed with the work open)"),
        FlagSpec("text", kind: .string, repeatable: true,
            help: "pick tickets whose title, description, replies or notes contain TEXT (any case; Chinese works)"),
    ]
}

/// A compiled set of filters.
struct TicketFilter {
    var owners: Set<String> = []
    var assignees: Set<String> = []
    var tiers: Set<String> = []
    var channels: Set<String> = []
    var categories: Set<String> = []
    var tags: Set<String> = []
    var requesters: [TextSearch] = []
    var texts: [TextSearch] = []
    var openedSince: Instant?
    var openedBefore: Instant?
    var updatedSince: Instant?
    var breached = false
    let now: Instant

    /// True when no filter was given (every ticket passes).
    var isEmpty: Bool

    init(_ args: ParsedArguments, now: Instant) {
        self.now = now
        owners = Set(args.strings("owner"))
        assignees = Set(args.strings("assignee"))
        tiers = Set(args.strings("tier"))
        channels = Set(args.strings("channel"))
        categories = Set(args.strings("category"))
        tags = Set(args.strings("tag"))
        requesters = args.strings("requester").map(TextSearch.init)
        texts = args.strings("text").map(TextSearch.init)
        /// A time, or a duration counted back from now.
        func time(_ flag: String) -> Instant? {
            guard let v = args.string(flag) else { return nil }
            if let d = DurationText.parse(v) { return now.adding(-d) }
            return Instant(rfc3339: v)
        }
        openedSince = time("opened-since")
        openedBefore = time("opened-before")
        updatedSince = time("updated-since")
        breached = args.has("breached")
        isEmpty = FilterFlags.all.allSatisfy { !args.has($0.long) }
    }

    /// Whether the ticket passes every filter.
    func matches(_ t: Ticket) -> Bool {
        if isEmpty { return true }
        if !channels.isEmpty && !channels.contains(t.channel.rawValue) { return false }
        if let s = openedSince, t.openedAt < s { return false }
        if let b = openedBefore, !(t.openedAt < b) { return false }
        return t.source.withUnsafeBytes { b in
            func raw(_ key: String) -> Range<Int>? { t.rawRange(key) }
            func word(_ set: Set<String>, _ key: String) -> Bool {
                guard let r = raw(key), let s = RawJSON.string(b, r) else { return false }
                return set.contains(s)
            }
            if !owners.isEmpty && !word(owners, "owner") { return false }
            if !assignees.isEmpty && !word(assignees, "assignee") { return false }
            if !tiers.isEmpty && !word(tiers, "tier") { return false }
            if !categories.isEmpty && !word(categories, "category") { return false }
            if !tags.isEmpty {
                var hit = false
                if let r = raw("tags") {
                    RawJSON.forEachElement(b, r) { e in
                        if !hit, let s = RawJSON.string(b, e), tags.contains(s) { hit = true }
                    }
                }
                if !hit { return false }
            }
            if !requesters.isEmpty {
                guard let r = raw("requester") else { return false }
                var hit = false
                RawJSON.forEachMember(b, r) { m in
                    guard !hit else { return }
                    for k in TicketFilter.requesterKeys where RawJSON.keyIs(b, m, k) {
                        if requesters.contains(where: { $0.matchesString(b, m.valueRange) }) { hit = true }
                    }
                }
                if !hit { return false }
            }
            if let since = updatedSince {
                guard TicketFilter.updatedAt(t, b) >= since else { return false }
            }
            if !texts.isEmpty && !texts.contains(where: { TicketFilter.text($0, in: t, b) }) { return false }
            if breached && !SLATimeline.isBreached(t, now: now) { return false }
            return true
        }
    }

    /// The requester members `--requester` searches.
    static let requesterKeys: [StaticString] = ["name", "email", "phone", "account", "contact"]

    /// When the ticket last changed: its last history event, else when it was opened.
    static func updatedAt(_ t: Ticket, _ b: UnsafeRawBufferPointer) -> Instant {
        guard let r = t.rawRange("history") else { return t.openedAt }
        var last: Range<Int>? = nil
        RawJSON.forEachElement(b, r) { last = $0 }
        var at = t.openedAt
        if let e = last {
            RawJSON.forEachMember(b, e) { m in
                if RawJSON.keyIs(b, m, "at"), let i = RawJSON.instant(b, m.valueRange), at < i { at = i }
            }
        }
        return at
    }

    /// Whether the search text is in the title, the description or the text of a history
    /// event (replies, notes, the customer's messages). A line whose bytes surely do not hold
    /// the needle is passed over at once.
    static func text(_ s: TextSearch, in t: Ticket, _ b: UnsafeRawBufferPointer) -> Bool {
        if s.surelyAbsent(in: b) { return false }
        for key in ["title", "description"] {
            if let r = t.rawRange(key), s.matchesString(b, r) { return true }
        }
        guard let h = t.rawRange("history") else { return false }
        var hit = false
        RawJSON.forEachElement(b, h) { e in
            guard !hit else { return }
            RawJSON.forEachMember(b, e) { m in
                if !hit, RawJSON.keyIs(b, m, "text"), s.matchesString(b, m.valueRange) { hit = true }
            }
        }
        return hit
    }
}

extension Ticket {
    /// The byte range in `source` of a member's value as read; nil when absent or set since.
    func rawRange(_ key: String) -> Range<Int>? {
        for m in members where m.key == key {
            if case .raw(let r) = m.stored { return r }
            return nil
        }
        return nil
    }
}
