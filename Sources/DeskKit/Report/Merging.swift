// Adding one set of running totals into another: a large file is read in parallel byte ranges,
// each counted on its own, and the parts are merged in file order. Every figure is a sum, a
// multiset of durations or a top-N under a total order, so the merged totals equal those of a
// single pass over the same tickets (tested on the Examples data with 1 to 5 parts).

extension DurationFigure {
    /// Adds another part's durations.
    mutating func merge(_ other: DurationFigure) {
        stored.append(contentsOf: other.stored)
        within += other.within
    }
}

extension Compliance {
    mutating func merge(_ other: Compliance) {
        met += other.met
        breached += other.breached
        running += other.running
    }
}

extension GroupStats {
    mutating func merge(_ other: GroupStats) {
        tickets += other.tickets
        resolved += other.resolved
        firstResponse.merge(other.firstResponse)
        resolution.merge(other.resolution)
        escalated += other.escalated
        responses += other.responses
        satisfied += other.satisfied
    }
}

extension CommentThemes {
    mutating func merge(_ other: CommentThemes) {
        fold()
        for (term, t) in other.themes {
            if var mine = stored[term] {
                mine.merge(t)
                stored[term] = mine
            } else {
                stored[term] = t
            }
        }
    }
}

extension Dictionary where Value == Int {
    /// Adds the counts of another table.
    mutating func addCounts(_ other: [Key: Int]) { merge(other, uniquingKeysWith: +) }
}

extension PeriodStats {
    /// Adds the totals of another part of the same period.
    mutating func merge(_ o: PeriodStats) {
        opened += o.opened
        for i in channelCounts.indices { channelCounts[i] += o.channelCounts[i] }
        for i in priorityCounts.indices { priorityCounts[i] += o.priorityCounts[i] }
        byCategory.addCounts(o.byCategory)
        firstResponse.merge(o.firstResponse)
        workaround.merge(o.workaround)
        workaroundNotRecorded += o.workaroundNotRecorded
        resolution.merge(o.resolution)
        for i in complianceCounts.indices { complianceCounts[i].merge(o.complianceCounts[i]) }
        for i in channelCompliance.indices { channelCompliance[i].merge(o.channelCompliance[i]) }
        for i in priorityCompliance.indices { priorityCompliance[i].merge(o.priorityCompliance[i]) }
        escalated += o.escalated
        escalatedByTier.addCounts(o.escalatedByTier)
        escalatedByTrigger.addCounts(o.escalatedByTrigger)
        ackTimes.append(contentsOf: o.ackTimes)
        unacknowledged += o.unacknowledged
        resolved += o.resolved
        firstContactResolved += o.firstContactResolved
        reopened += o.reopened
        phoneOffered += o.phoneOffered
        phoneAnswered += o.phoneAnswered
        invited += o.invited
        responded += o.responded
        satisfied += o.satisfied
        scoreSums = (scoreSums.0 + o.scoreSums.0, scoreSums.1 + o.scoreSums.1, scoreSums.2 + o.scoreSums.2)
        followUp = Array((followUp + o.followUp).sorted(by: FollowUp.lower).prefix(PeriodStats.followUpCount))
        followUpTotal += o.followUpTotal
        themes.merge(o.themes)
        // Groups: the other part numbered its slots in its own order.
        for (owner, slot) in o.agentIndex {
            let mine = agentIndex[owner] ?? newGroup()
            agentIndex[owner] = mine
            groupStats[mine].merge(o.groupStats[slot])
        }
        for i in dimensions.indices {
            for (key, slot) in o.groupIndex[i] {
                let mine = groupIndex[i][key] ?? newGroup()
                groupIndex[i][key] = mine
                groupStats[mine].merge(o.groupStats[slot])
            }
        }
        openedBeforeLastDay = openedPerDay
        lastDay = nil
        openedBeforeLastDay.addCounts(o.openedPerDay)
        backlog += o.backlog
        for i in backlogAges.indices { backlogAges[i] += o.backlogAges[i] }
    }
}

extension BenchFigures {
    /// Adds the totals of another part.
    mutating func merge(_ o: BenchFigures) {
        tickets += o.tickets
        byMonthKey.addCounts(o.byMonthKey)
        byPriority.addCounts(o.byPriority)
        frSum += o.frSum
        frCount += o.frCount
        resolved += o.resolved
        sums = (sums.0 + o.sums.0, sums.1 + o.sums.1, sums.2 + o.sums.2)
        responses += o.responses
        satisfied += o.satisfied
    }
}

extension ReportEngine.Accumulator {
    /// Adds another part's totals (same periods, settings and clock).
    public mutating func merge(_ o: ReportEngine.Accumulator) {
        tickets += o.tickets
        result.current.merge(o.result.current)
        result.previous.merge(o.result.previous)
        result.bench.merge(o.result.bench)
        for i in result.trend.indices { result.trend[i].merge(o.result.trend[i]) }
    }
}
