import PropertyBased
import Testing

@testable import TradeCore

@Suite struct MonthlyBlockCodecTests {
    @Test func packedValuesRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -5...5), Gen.int(in: -1_000_000...1_000_000).array(of: 0...300)) {
            power, raw in
            var scale: Int64 = 1
            for _ in 0..<max(0, power) { scale *= 10 }
            let values = raw.map { Int64($0) * scale }
            let data = MonthlyBlockCodec.encodeValues(values)
            #expect(MonthlyBlockCodec.decodeValues(data, count: values.count) == values)
        }
    }

    @Test func aWindowDecodesLikeTheWholeBlockCut() async {
        await propertyCheck(
            input: Gen.int(in: -1_000_000...1_000_000).array(of: 1...300), Gen.int(in: 0...300), Gen.int(in: 0...300)
        ) { raw, a, b in
            let values = raw.map { Int64($0) * 10_000 }
            let count = min(values.count, max(a, b))
            let skip = min(a, b)
            // Format 2 (checkpoints every 12 months from 24 months on) and format 1 of earlier stores.
            for data in [
                MonthlyBlockCodec.encodeValues(values), MonthlyBlockCodec.encodeValues(values, checkpoints: false),
            ] {
                let window = data.withUnsafeBytes {
                    MonthlyBlockCodec.decodeValues(pointer: $0.baseAddress, bytes: $0.count, from: skip, count: count)
                }
                #expect(window == Array(values[min(skip, count)..<count]))
            }
            #expect(MonthlyBlockCodec.encodeValues(values).first == (values.count >= 24 ? 2 : 1))
        }
        let extremes: [Int64] = [Int64.max, Int64.min, 0, -1, 1]  // the raw format
        let raw = MonthlyBlockCodec.encodeValues(extremes)
        let tail = raw.withUnsafeBytes {
            MonthlyBlockCodec.decodeValues(pointer: $0.baseAddress, bytes: $0.count, from: 2, count: 5)
        }
        #expect(tail == [0, -1, 1])
    }

    @Test func extremesFallBackToRawWords() {
        let values: [Int64] = [Int64.max, Int64.min, 0, -1, 1]
        let data = MonthlyBlockCodec.encodeValues(values)
        #expect(data.count == 1 + values.count * 8)  // deltas would overflow: raw format 0
        #expect(data.first == 0)
        #expect(MonthlyBlockCodec.decodeValues(data, count: values.count) == values)
    }

    @Test func aPackedBlockOfEightBytesPerValueIsNotMistakenForRaw() {
        let values: [Int64] = [1 << 40]  // 2 header bytes + a 6-byte varint = 8 bytes
        let data = MonthlyBlockCodec.encodeValues(values)
        #expect(data.count == 8)
        #expect(MonthlyBlockCodec.decodeValues(data, count: 1) == values)
    }

    @Test func typicalPanelValuesTakeAFewBytes() {
        // 万元 with two decimals: multiples of 10^4 hundredths, moving slowly.
        let values: [Int64] = (0..<240).map { Int64(600_00 + ($0 * 37) % 900) * 10_000 }
        let data = MonthlyBlockCodec.encodeValues(values)
        #expect(data.first == 2)
        #expect(data.count < values.count * 3)
        #expect(MonthlyBlockCodec.decodeValues(data, count: values.count) == values)
        // The checkpoints cost about 0.4 bytes a month.
        let plain = MonthlyBlockCodec.encodeValues(values, checkpoints: false)
        #expect(data.count - plain.count <= values.count / 2)
    }

    @Test func presenceBitmapRoundTrips() async {
        await propertyCheck(input: Gen.bool.array(of: 0...200)) { present in
            #expect(
                MonthlyBlockCodec.decodePresence(MonthlyBlockCodec.encodePresence(present), count: present.count)
                    == present)
        }
    }
}
