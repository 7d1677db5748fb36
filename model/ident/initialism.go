package ident

// initialism returns the Go spelling of a lower-case word that is an
// initialism or a brand with a fixed spelling. The table is the override
// list: add a word here to change how Derive spells it.
func initialism(lower string) (string, bool) {
	switch lower {
	case "acl", "api", "ascii", "cpu", "css", "dns", "eof", "guid", "html",
		"http", "https", "id", "ip", "json", "qps", "ram", "rpc", "sla",
		"smtp", "sql", "ssh", "tcp", "tls", "ttl", "udp", "ui", "uid",
		"uuid", "uri", "url", "utf8", "vm", "xml", "xsrf", "xss", "sso",
		"saml", "ldap", "mfa", "smb", "ftp", "sftp", "jwt", "pat", "pdf",
		"csv", "rdp":
		return upperASCII(lower), true
	case "ids":
		return "IDs", true
	case "urls":
		return "URLs", true
	case "apis":
		return "APIs", true
	case "odata":
		return "OData", true
	case "oauth":
		return "OAuth", true
	case "uipath":
		return "UiPath", true
	case "nuget":
		return "NuGet", true
	case "webhook":
		return "Webhook", true
	}
	return "", false
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
