import Foundation

/// A directory for this user alone (mode 0700): the status socket's, and the state directory's.
enum PrivateDirectory {
    /// Creates `directory` and any missing parents (each 0700), or checks the existing one: a real directory, not
    /// a symbolic link, owned by this user. An existing one open to others is closed to them.
    static func prepare(_ directory: String) throws(StatusSocketError) {
        try createMissing(directory)
        var info = stat()
        guard lstat(directory, &info) == 0 else { throw .system("lstat", errno: errno, path: directory) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .unsafeDirectory(directory, reason: "it is not a directory")
        }
        guard info.st_uid == getuid() else {
            throw .unsafeDirectory(directory, reason: "it belongs to user \(info.st_uid)")
        }
        if info.st_mode & 0o077 != 0, chmod(directory, 0o700) != 0 {
            throw .system("chmod", errno: errno, path: directory)
        }
    }

    private static func createMissing(_ directory: String) throws(StatusSocketError) {
        var info = stat()
        if stat(directory, &info) == 0 { return }
        let parent = (directory as NSString).deletingLastPathComponent
        if parent != directory { try createMissing(parent) }
        if mkdir(directory, 0o700) != 0, errno != EEXIST { throw .system("mkdir", errno: errno, path: directory) }
    }
}
