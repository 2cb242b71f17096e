import Glibc

/// wcwidth needs a UTF-8 LC_CTYPE, as in the app; every suite that measures text sets it first.
enum TestLocale {
    static func useUTF8() {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}
