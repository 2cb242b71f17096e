import Foundation
import Testing

/// The real binary in tmux: scripts/e2e.sh against `ibdash sim --tls` and `ibdash --demo`, and the scenes of
/// scripts/screenshots.sh. One at a time: each starts dashboards of its own, and the machine has two cores.
@Suite(.serialized, .enabled(if: ScriptRun.has("tmux"), "needs tmux"))
struct EndToEndTests {
    /// The first frame's time is printed; its 1 s limit is checked by hand (`scripts/e2e.sh`), not here, where
    /// every other suite runs at the same time on the same two cores.
    @Test(.timeLimit(.minutes(10)))
    func everyCheckOfTheEndToEndScriptPasses() async throws {
        let run = try await ScriptRun.run(
            "e2e.sh", [ScriptRun.binary], extraEnvironment: ["E2E_FIRST_FRAME_LIMIT_MS": "5000"],
            timeout: .seconds(540))
        for line in run.output.split(separator: "\n") where line.contains("first frame") { print(line) }
        #expect(run.passed, "scripts/e2e.sh ended \(run.termination):\n\(run.output)")
        let counts = try #require(run.counts, "no closing count line:\n\(run.output)")
        #expect(counts.failed == 0, "\(run.output)")
        #expect(counts.passed >= 60, "fewer checks ran than the script has:\n\(run.output)")
    }

    /// Every scene runs and its capture shows what the scene is about; the PNGs are checked where Pillow is there
    /// to render them (screenshots.sh makes captures only without it).
    @Test(.timeLimit(.minutes(10)))
    func everyScreenshotSceneRendersWhatItIsAbout() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ibdash-shots-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try await ScriptRun.run(
            "screenshots.sh", ["--out", folder.path, ScriptRun.binary], timeout: .seconds(540))
        #expect(run.passed, "scripts/screenshots.sh ended \(run.termination):\n\(run.output)")
        #expect(run.counts?.passed == ScreenshotScene.all.count, "\(run.output)")
        let rendersPNG = !run.output.contains("Pillow is not installed")
        for scene in ScreenshotScene.all {
            let path = folder.appendingPathComponent("\(scene.name).ansi").path
            let capture = try #require(
                try? String(contentsOfFile: path, encoding: .utf8), "no capture of \(scene):\n\(run.output)")
            let text = ScreenshotScene.plainText(capture)
            for expected in scene.shows {
                #expect(text.contains(expected), "\(scene) lacks '\(expected)':\n\(text)")
            }
            if scene.name == "theme-mono" {
                #expect(ScreenshotScene.colourCodes(capture).isEmpty, "\(scene) sets colours")
            } else {
                #expect(!ScreenshotScene.colourCodes(capture).isEmpty, "\(scene) has no colour")
            }
            if rendersPNG {
                let png = try #require(
                    FileManager.default.contents(atPath: folder.appendingPathComponent("\(scene.name).png").path),
                    "no PNG of \(scene)")
                #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(scene).png is not a PNG")
            }
        }
    }
}
