import Foundation

/// Which file a path named when the server bound it, so that on the way out it removes its own socket file and
/// never one that replaced it.
struct SocketFileIdentity {
    let device: UInt64
    let inode: UInt64

    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    func removeIfUnchanged(_ path: String) {
        if SocketFileIdentity(path: path).map({ $0.device == device && $0.inode == inode }) == true { unlink(path) }
    }
}
