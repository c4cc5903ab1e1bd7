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
    var owners = WordSet([])
    var assignees = WordSet([])
    var tiers = WordSet([])
    var channels: Set<String> = []
    var categories = WordSet([])
    var tags = WordSet([])
    var requesters: [TextSearch] = []
    var texts: [TextSearch] = []
    var openedSince: Instant?
    var openedBefore: Instant?
    var updatedSince: Instant?
    var breached = false
    let now: Instant

    /// True when no filter was given (every ticket passes).
    var isEmpty: Bool

    /// The SLA replay `--breached` asks (nil when the filter is not given).
    var lifecycle: Lifecycle? = nil

    init(_ args: ParsedArguments, now: Instant, lifecycle: Lifecycle? = nil) {
        self.lifecycle = lifecycle
        self.now = now
        owners = WordSet(args.strings("owner"))
        assignees = WordSet(args.strings("assignee"))
        tiers = WordSet(args.strings("tier"))
        channels = Set(args.strings("channel"))
        categories = WordSet(args.strings("category"))
        tags = WordSet(args.strings("tag"))
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
            if !owners.isEmpty && !TicketFilter.isOne(of: owners, b, raw("owner")) { return false }
            if !assignees.isEmpty && !TicketFilter.isOne(of: assignees, b, raw("assignee")) { return false }
            if !tiers.isEmpty && !TicketFilter.isOne(of: tiers, b, raw("tier")) { return false }
            if !categories.isEmpty && !TicketFilter.isOne(of: categories, b, raw("category")) { return false }
            if !tags.isEmpty {
                var hit = false
                if let r = raw("tags") {
                    RawJSON.forEachElement(b, r) { e in
                        if !hit, TicketFilter.isOne(of: tags, b, e) { hit = true }
                    }
                }
                if !hit { return false }
            }
            if !requesters.isEmpty {
                guard let r = raw("requester") else { return false }
                // Most requesters hold none of the texts: rule that out on the object's bytes.
                let object = UnsafeRawBufferPointer(rebasing: b[r])
                if requesters.allSatisfy({ $0.surelyAbsent(in: object) }) { return false }
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
            if breached, let lifecycle, !SLATimeline.isBreached(t, lifecycle: lifecycle, now: now) { return false }
            return true
        }
    }

    /// Whether the value at `r` is a string equal to one of `words`: compared as the bytes desk
    /// writes (no String, no hashing); a value holding an escape is decoded first, since an
    /// escape can spell a character another way.
    static func isOne(of words: WordSet, _ b: UnsafeRawBufferPointer, _ r: Range<Int>?) -> Bool {
        guard let r, let base = b.baseAddress, RawJSON.isString(b, r) else { return false }
        if memchr(base + r.lowerBound, 0x5C, r.count) != nil {
            return RawJSON.string(b, r).map(words.texts.contains) ?? false
        }
        return words.quoted.contains { w in w.count == r.count && memcmp(base + r.lowerBound, w, w.count) == 0 }
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

/// The values of a repeated exact-match filter, also as the JSON string bytes desk writes.
struct WordSet {
    let texts: Set<String>
    let quoted: [[UInt8]]
    var isEmpty: Bool { texts.isEmpty }

    init(_ words: [String]) {
        texts = Set(words)
        quoted = texts.map { w in
            var q: [UInt8] = []
            JSONWriter.writeString(w, to: &q)
            return q
        }
    }
}
