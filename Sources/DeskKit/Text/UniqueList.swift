// A list that keeps each value once, in first-seen order. Replaces `if !list.contains(x)
// { list.append(x) }`, which is quadratic: a ticket with 200k tags kept `classify` (and its
// lock) busy for two minutes, and a policy rule with 200k keywords took three to load.

/// Values in first-seen order, each once; membership answered by a hash set.
struct UniqueList<Element, Key: Hashable> {
    private(set) var items: [Element] = []
    private var seen: Set<Key> = []
    private let key: (Element) -> Key

    /// An empty list comparing values by `key`.
    init(key: @escaping (Element) -> Key) { self.key = key }

    /// Appends `e` unless a value with its key is already listed; says whether it was added.
    @discardableResult
    mutating func append(_ e: Element) -> Bool {
        guard seen.insert(key(e)).inserted else { return false }
        items.append(e)
        return true
    }

    /// Whether a value with `e`'s key is listed.
    func contains(_ e: Element) -> Bool { seen.contains(key(e)) }
}

extension UniqueList where Element == Key {
    /// An empty list of hashable values.
    init() { self.init(key: { $0 }) }
}
