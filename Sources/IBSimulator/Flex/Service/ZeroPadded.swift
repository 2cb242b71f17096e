extension Int {
    /// The number with leading zeros to `width` digits, as dates and times on the Flex wire are written.
    func zeroPadded(_ width: Int) -> String {
        let text = String(self)
        return String(repeating: "0", count: Swift.max(0, width - text.count)) + text
    }
}
