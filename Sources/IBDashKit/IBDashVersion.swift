/// The version `--version` prints and every request's `User-Agent` carries.
public enum IBDashVersion {
    public static let current = "0.1.0"
    public static var userAgent: String { "ibdash/\(current)" }
}
