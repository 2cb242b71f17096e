/// The HTML pages the Flex host answers outside its XML: a wrong path, and an outage.
enum FlexPages {
    /// The body of IBKR's 404 page is about 11 KB of site chrome around this.
    static let notFound = """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>404 Page Not Found | Interactive Brokers</title></head>
        <body>
        <div class="container"><h1>404 Page Not Found</h1>
        <p>The page you are looking for could not be found. It may have been moved or no longer exists.</p>
        </div>
        </body>
        </html>

        """

    /// What a maintenance window answers, with HTTP 500 (reference §2.4).
    static let unavailable = """
        <!DOCTYPE html>
        <html>
        <head><title>Service Unavailable</title></head>
        <body>
        <p>We are sorry, our services are temporarily unavailable. Please try again later.</p>
        </body>
        </html>

        """
}
