// The three SLA target clocks of a ticket (first response, workaround, resolution) replayed
// from its facts, in SLA seconds: business time on the ticket's calendar with the excluded
// spans (waits on the customer, time spent resolved) left out. This is the one place these
// figures are computed; commands reach it through `Lifecycle`, the report through its byte
// reader's facts. Rules (docs/SLA.md): a clock starts at `opened_at`, is met when the event
// that stops it used at most the target, breached when more (or when the time used passes the
// target before any event), and counts nothing inside an excluded span.

/// Which SLA target a figure is about.
public enum SLATarget: String, CaseIterable, Sendable {
    case firstResponse = "first_response"
    case workaround
    case resolution

    /// Position in `allCases`.
    public var ordinal: Int {
        switch self {
        case .firstResponse: 0
        case .workaround: 1
        case .resolution: 2
        }
    }
}

/// One clock measured against its target.
public struct TargetClock: Sendable, Equatable {
    /// Where the clock stands.
    public enum State: String, Sendable, Equatable {
        /// Stopped within the target.
        case met
        /// Stopped late, or still running past the target.
        case breached
        /// Running within the target.
        case running
        /// No target, or finished without the event (nothing to judge).
        case none
    }

    public var target: SLATarget
    /// The target in SLA seconds; nil when the policy sets none.
    public var limit: Int64?
    /// The instant that stopped the clock (nil while running).
    public var stoppedAt: Instant?
    /// True when `stoppedAt` is the target's own recorded event (`first_response_at`,
    /// `workaround_at`, the resolution); false when another event stood in for it (a
    /// resolution stops the first-response and workaround clocks). Only recorded events
    /// become duration figures.
    public var recorded: Bool
    /// SLA seconds used up to the stop, or up to now while running.
    public var used: Int64
    public var state: State
}

/// An SLA-time measure: spans to leave out of business time, merged and sorted.
public struct ExcludedSpans: Sendable, Equatable {
    public private(set) var spans: [TimeSpan]

    /// Waits on the customer (a `waiting` event up to the next customer message, reopen,
    /// resolution or close; one still open runs to `now`) and, unless `waitsOnly`, resolved
    /// stretches (a resolution or close up to the next reopen), merged.
    public init(events: [LifecycleEvent], now: Instant, waitsOnly: Bool = false) {
        var out: [TimeSpan] = []
        var waitStart: Instant? = nil
        var resolvedStart: Instant? = nil
        func endWait(_ at: Instant) {
            if let s = waitStart { out.append(TimeSpan(start: s, end: at)) }
            waitStart = nil
        }
        for e in events {
            switch e.kind {
            case .waiting:
                if waitStart == nil { waitStart = e.at }
            case .customerReplied:
                endWait(e.at)
            case .reopened:
                endWait(e.at)
                if let s = resolvedStart, !waitsOnly { out.append(TimeSpan(start: s, end: e.at)) }
                resolvedStart = nil
            case .resolved, .closed:
                endWait(e.at)
                if resolvedStart == nil { resolvedStart = e.at }
            default: break
            }
        }
        if let s = waitStart, s < now { out.append(TimeSpan(start: s, end: now)) }
        // A resolved stretch never reopened needs no span: every clock stopped at it.
        // One span (the usual wait or reopen) is its own merge: no sorting and copying.
        spans = out.count == 1 ? out.filter { $0.end > $0.start } : BusinessCalendar.merge(out.filter { $0.end > $0.start })
    }

    /// No spans.
    public static let none = ExcludedSpans(events: [], now: Instant(seconds: 0))

    /// The spans cut to [from, to].
    public func clipped(_ from: Instant, _ to: Instant) -> [TimeSpan] {
        spans.compactMap { s in
            let lo = max(s.start, from), hi = min(s.end, to)
            return lo < hi ? TimeSpan(start: lo, end: hi) : nil
        }
    }

    /// SLA seconds from `from` to `to` under `measure` (business seconds between two instants).
    public func used(from: Instant, to: Instant, _ measure: (Instant, Instant) -> Int64) -> Int64 {
        guard to > from else { return 0 }
        var total = measure(from, to)
        for s in spans where s.start < to && s.end > from {
            total -= measure(max(s.start, from), min(s.end, to))
        }
        return max(0, total)
    }
}

/// The three target clocks of a ticket.
public struct SLATargets: Sendable, Equatable {
    public var firstResponse: TargetClock
    public var workaround: TargetClock
    public var resolution: TargetClock

    /// The clock of one target.
    public subscript(_ t: SLATarget) -> TargetClock {
        switch t {
        case .firstResponse: firstResponse
        case .workaround: workaround
        case .resolution: resolution
        }
    }

    /// Replays the three clocks at `now`. `measure` gives business seconds on the ticket's
    /// calendar; the limits are the policy's targets for the ticket's channel and (current)
    /// priority. Stops: first response at `first_response_at` (else the resolution, except for
    /// a missed call, whose first response is a call-back: resolved without one is a breach);
    /// workaround at `workaround_at` (else the resolution: a fix within the workaround target
    /// meets it); resolution at `resolution.at` of a resolved, closed or observing ticket.
    public init(
        _ f: LifecycleFacts, spans: ExcludedSpans, now: Instant,
        firstResponseLimit: Int64?, workaroundLimit: Int64?, resolutionLimit: Int64?,
        measure: (Instant, Instant) -> Int64
    ) {
        self.init(
            openedAt: f.openedAt, stop: f.resolutionStop, finished: f.isResolvedState, firstResponseAt: f.firstResponseAt,
            missedCall: f.missedCall, workaroundAt: f.workaroundAt, spans: spans, now: now,
            firstResponseLimit: firstResponseLimit, workaroundLimit: workaroundLimit, resolutionLimit: resolutionLimit,
            measure: measure)
    }

    /// The replay from the only facts it reads: `stop` is `LifecycleFacts.resolutionStop`,
    /// `finished` its `isResolvedState`. Why apart: the report's byte reader has these facts
    /// and building a whole LifecycleFacts per ticket for them was measurable
    /// (TicketFacts.clocks; a test holds both ways equal).
    init(
        openedAt: Instant, stop: Instant?, finished: Bool, firstResponseAt: Instant?, missedCall: Bool, workaroundAt: Instant?,
        spans: ExcludedSpans, now: Instant, firstResponseLimit: Int64?, workaroundLimit: Int64?, resolutionLimit: Int64?,
        measure: (Instant, Instant) -> Int64
    ) {
        // A running clock is judged by the SLA time used until now, the same span for every
        // target: measured once, when first needed.
        var nowUsed: Int64? = nil
        func clock(_ target: SLATarget, limit: Int64?, event: Instant?, fallback: Instant?, finished: Bool,
                   breachWithoutEvent: Bool = false) -> TargetClock {
            if let at = event ?? fallback {
                let used = spans.used(from: openedAt, to: at, measure)
                var state: TargetClock.State = limit.map { used > $0 ? .breached : .met } ?? .none
                if event == nil && breachWithoutEvent && limit != nil { state = .breached }
                return TargetClock(target: target, limit: limit, stoppedAt: at, recorded: event != nil, used: used, state: state)
            }
            let used = nowUsed ?? spans.used(from: openedAt, to: now, measure)
            nowUsed = used
            guard !finished, let limit else {
                return TargetClock(target: target, limit: limit, stoppedAt: nil, recorded: false, used: used, state: .none)
            }
            return TargetClock(target: target, limit: limit, stoppedAt: nil, recorded: false, used: used,
                               state: used > limit ? .breached : .running)
        }
        firstResponse = clock(.firstResponse, limit: firstResponseLimit, event: firstResponseAt, fallback: stop,
                              finished: finished, breachWithoutEvent: missedCall)
        workaround = clock(.workaround, limit: workaroundLimit, event: workaroundAt.flatMap { w in stop.map { min(w, $0) } ?? w },
                           fallback: stop, finished: finished)
        // The workaround is recorded only when the reply came no later than the fix.
        if let w = workaroundAt, let s = stop, s < w { workaround.recorded = false }
        resolution = clock(.resolution, limit: resolutionLimit, event: stop, fallback: nil, finished: finished)
    }
}
