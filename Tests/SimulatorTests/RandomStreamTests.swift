import Simulator
import Testing

/// Streams derive from (run seed, name) by a fixed function, identical in every process and on every machine.
///
/// The expected values below come from the reference C code of each algorithm, not from this implementation; a
/// failure means the derivation changed, which silently changes every run's results. Don't update them to make the
/// test pass unless the change is intended and announced.
@Suite struct RandomStreamTests {
    @Test func fnv1aMatchesThePublishedTestVectors() {
        #expect(FNV1a64.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
    }

    @Test func splitMix64MatchesTheReferenceOutputsForSeed0() {
        var generator = SplitMix64(seed: 0)
        let outputs = (0..<4).map { _ in generator.next() }
        #expect(
            outputs == [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f, 0xf88b_b8a8_724c_81ec]
        )
    }

    @Test func xoshiro256StarStarMatchesTheReferenceCodeFromState1234() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<6).map { _ in generator.next() }
        #expect(
            outputs == [
                11520, 0, 1_509_978_240, 1_215_971_899_390_074_240, 1_216_172_134_540_287_360, 607_988_272_756_665_600,
            ]
        )
    }

    @Test func theStreamNamedXOfSeed1StartsWithTheGoldenValues() {
        #expect(RandomStream.derivedSeed(runSeed: 1, name: "x") == 0xf9f1_e351_9609_12e2)
        var stream = RandomStream(runSeed: 1, name: "x")
        let outputs = (0..<5).map { _ in stream.next() }
        #expect(
            outputs == [
                0x8a1b_9d34_939b_463e, 0x12af_07f4_b141_9440, 0xbfba_7cac_43ba_2ca2, 0x2737_cb74_b4eb_3d4b,
                0xd759_bc7f_843d_f4bb,
            ]
        )
    }

    @Test func addingAStreamDoesNotChangeAnotherStreamsDraws() {
        let alone = RandomStreams(runSeed: 9)
        var solo = alone.make("workload/shard-3")
        let expected = (0..<100).map { _ in solo.next() }

        let crowded = RandomStreams(runSeed: 9)
        var before = crowded.make("workload/shard-2")
        var mine = crowded.make("workload/shard-3")
        var after = crowded.make("relayer/0")
        var interleaved: [UInt64] = []
        for _ in 0..<100 {
            _ = before.next()
            interleaved.append(mine.next())
            _ = after.poisson(mean: 40)
        }
        #expect(interleaved == expected)
    }

    @Test func differentNamesAndDifferentSeedsGiveDifferentStreams() {
        var seen: Set<UInt64> = []
        for seed in 0..<20 as Range<UInt64> {
            for shard in 0..<64 {
                var stream = RandomStream(runSeed: seed, name: "workload/shard-\(shard)")
                seen.insert(stream.next())
            }
        }
        #expect(seen.count == 20 * 64)
    }

    @Test func aCopyOfAStreamRepeatsItsDraws() {
        var original = RandomStream(runSeed: 4, name: "copy")
        var copy = original
        #expect((0..<10).map { _ in original.next() } == (0..<10).map { _ in copy.next() })
    }

    @Test func askingForTheSameNameTwiceStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            let streams = RandomStreams(runSeed: 1)
            _ = streams.make("workload/shard-0")
            _ = streams.make("workload/shard-0")
        }
    }

    @Test func aNonASCIINameStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            _ = RandomStream(runSeed: 1, name: "caf\u{E9}")
        }
    }
}
