import IBDashKit

/// The executable only hands over to IBDashKit, where the commands live and are tested.
@main
enum IBDash {
    static func main() async {
        await IBDashCommand.main(nil)
    }
}
