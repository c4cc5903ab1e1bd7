// TriageEvaluation: how well the classifier agrees with hand labels. Reads tickets that carry
// their label beside them ({"title": ..., "description": ..., "label": {"priority": "high",
// "category": "security"}}), classifies each, and reports for priority and for category the
// accuracy, per-class precision and recall, macro-F1 and the confusion matrix, and every ticket
// it got wrong with the classifier's reason (`desk classify --evaluate`).

/// Agreement of predicted with labelled classes, for one field.
public struct ConfusionMatrix: Sendable, Equatable {
    /// The classes in report order.
    public let classes: [String]
    /// counts[label][predicted].
    public private(set) var counts: [[Int]]

    public init(classes: [String]) {
        self.classes = classes
        counts = Array(repeating: Array(repeating: 0, count: classes.count), count: classes.count)
    }

    /// Counts one ticket. Classes not in `classes` are ignored (reported by the caller).
    public mutating func add(label: String, predicted: String) {
        guard let l = classes.firstIndex(of: label), let p = classes.firstIndex(of: predicted) else { return }
        counts[l][p] += 1
    }

    public var total: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }
    public var correct: Int { classes.indices.reduce(0) { $0 + counts[$1][$1] } }
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Labelled tickets of class `i`.
    public func support(_ i: Int) -> Int { counts[i].reduce(0, +) }
    /// Share of tickets predicted `i` that are labelled `i` (0 when none is predicted).
    public func precision(_ i: Int) -> Double {
        let predicted = classes.indices.reduce(0) { $0 + counts[$1][i] }
        return predicted == 0 ? 0 : Double(counts[i][i]) / Double(predicted)
    }
    /// Share of tickets labelled `i` that are predicted `i`.
    public func recall(_ i: Int) -> Double {
        let s = support(i)
        return s == 0 ? 0 : Double(counts[i][i]) / Double(s)
    }
    public func f1(_ i: Int) -> Double {
        let p = precision(i)
        let r = recall(i)
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
    /// The mean F1 over the classes that have labelled tickets.
    public var macroF1: Double {
        let present = classes.indices.filter { support($0) > 0 }
        return present.isEmpty ? 0 : present.reduce(0) { $0 + f1($1) } / Double(present.count)
    }
}

/// The result of evaluating a labelled set.
public struct TriageEvaluation: Sendable {
    /// A ticket whose prediction differs from its label.
    public struct Miss: Sendable, Equatable {
        public var id: String
        public var field: String
        public var label: String
        public var predicted: String
        public var reason: String
    }

    public var priority: ConfusionMatrix
    public var category: ConfusionMatrix
    public var misses: [Miss] = []
    /// Tickets without a priority label (not counted).
    public var unlabelled = 0

    public init(categories: [String]) {
        priority = ConfusionMatrix(classes: Priority.allCases.map(\.rawValue))
        category = ConfusionMatrix(classes: categories + ["none"])
    }

    /// Classifies one labelled ticket and counts it.
    public mutating func add(
        id: String, title: String?, description: String?, labelPriority: String?, labelCategory: String?,
        classifier: Classifier
    ) {
        guard let lp = labelPriority else {
            unlabelled += 1
            return
        }
        let d = classifier.decide(title: title, description: description, impact: nil, urgency: nil)
        priority.add(label: lp, predicted: d.priority.rawValue)
        if lp != d.priority.rawValue {
            misses.append(Miss(id: id, field: "priority", label: lp, predicted: d.priority.rawValue, reason: d.reason))
        }
        if let lc = labelCategory {
            let pc = d.category ?? "none"
            category.add(label: lc, predicted: pc)
            if lc != pc { misses.append(Miss(id: id, field: "category", label: lc, predicted: pc, reason: d.reason)) }
        }
    }

    /// The report as text.
    public func render() -> String {
        var out = ""
        for (name, m) in [("priority", priority), ("category", category)] where m.total > 0 {
            out += "\(name): accuracy \(Self.fixed(m.accuracy)) (\(m.correct)/\(m.total)), macro-F1 \(Self.fixed(m.macroF1))\n"
            let width = max(10, (m.classes.map(\.count).max() ?? 0) + 2)
            out += "  " + Self.pad("class", width) + "precision  recall  f1     support\n"
            for i in m.classes.indices where m.support(i) > 0 || m.precision(i) > 0 {
                out += "  " + Self.pad(m.classes[i], width) + Self.pad(Self.fixed(m.precision(i)), 11)
                    + Self.pad(Self.fixed(m.recall(i)), 8) + Self.pad(Self.fixed(m.f1(i)), 7) + String(m.support(i)) + "\n"
            }
            let shown = m.classes.indices.filter { i in m.support(i) > 0 || m.classes.indices.contains { m.counts[$0][i] > 0 } }
            out += "  confusion (rows: label, columns: predicted)\n"
            out += "  " + Self.pad("", width) + shown.map { Self.pad(String(m.classes[$0].prefix(8)), 9) }.joined() + "\n"
            for i in shown {
                out += "  " + Self.pad(m.classes[i], width) + shown.map { Self.pad(String(m.counts[i][$0]), 9) }.joined() + "\n"
            }
        }
        if unlabelled > 0 { out += "\(unlabelled) ticket\(unlabelled == 1 ? "" : "s") without a label were skipped\n" }
        out += "misclassified: \(misses.count)\n"
        for m in misses { out += "  \(m.id) \(m.field): label \(m.label), got \(m.predicted) -- \(m.reason)\n" }
        return out
    }

    static func fixed(_ d: Double) -> String {
        let n = Int((d * 1000).rounded())
        let frac = String(n % 1000)
        return String(n / 1000) + "." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }
}
