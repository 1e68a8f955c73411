/// Edit-distance suggestions for "did you mean …" hints in error messages.
public enum NearestText {
    /// Up to `limit` candidates closest to `text` (Levenshtein distance, case-insensitive), nearest first,
    /// ties in candidate order; only candidates within a distance of half the text's length (at least 2).
    public static func closest(to text: String, among candidates: [String], limit: Int) -> [String] {
        let t = Array(text.lowercased())
        let budget = max(2, t.count / 2)
        var scored: [(Int, Int, String)] = []
        var seen = Set<String>()
        for (i, c) in candidates.enumerated() where !seen.contains(c.lowercased()) {
            seen.insert(c.lowercased())
            let d = distance(t, Array(c.lowercased()))
            if d <= budget { scored.append((d, i, c)) }
        }
        scored.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return scored.prefix(limit).map(\.2)
    }

    /// Levenshtein distance between two character arrays.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
