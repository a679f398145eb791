// PARSE_URL, URL_ENCODE and URL_DECODE.
//
// Flink's PARSE_URL is java.net.URL: the URL is parsed as that class does (protocol before the
// first ':', '#' ref, '?' query, '//' authority with optional 'user@' and ':port') and is NULL
// when java.net.URL rejects it. Only the http, https, ftp and file protocols are accepted here
// (Java also knows jar and mailto, whose URLs parse differently).
#include <cctype>
#include <optional>

#include "runtime/functions/builtins/string_kernel_utf8.h"

namespace sluice::runtime::builtins {
namespace {

struct ParsedUrl {
  std::string protocol;
  std::string host;
  std::string path;
  std::optional<std::string> authority;
  std::optional<std::string> userInfo;
  std::optional<std::string> query;
  std::optional<std::string> ref;
};

bool isValidProtocol(std::string_view name) {
  if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '+' && c != '-') {
      return false;
    }
  }
  return true;
}

// Integer.parseInt for a port: optional sign, decimal digits, int range.
std::optional<int64_t> parsePort(std::string_view text) {
  size_t at = (!text.empty() && (text[0] == '+' || text[0] == '-')) ? 1 : 0;
  if (at == text.size()) return std::nullopt;
  int64_t value = 0;
  for (; at < text.size(); ++at) {
    if (text[at] < '0' || text[at] > '9') return std::nullopt;
    value = value * 10 + (text[at] - '0');
    if (value > INT32_MAX + int64_t{1}) return std::nullopt;
  }
  return text[0] == '-' ? -value : value;
}

// Splits host[:port] (or [ipv6][:port]) the way java.net.URLStreamHandler does; false when the
// port or the bracketed address is malformed.
bool splitHostAndPort(std::string& host) {
  std::optional<int64_t> port;
  if (!host.empty() && host[0] == '[') {
    const size_t close = host.find(']');
    if (close == std::string::npos || close <= 2) return false;
    for (char c : std::string_view(host).substr(1, close - 1)) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != '%') {
        return false;
      }
    }
    if (host.size() > close + 1) {
      if (host[close + 1] != ':') return false;
      if (host.size() > close + 2 && !(port = parsePort(host.substr(close + 2)))) return false;
    }
    host.resize(close + 1);
  } else if (const size_t colon = host.find(':'); colon != std::string::npos) {
    if (host.size() > colon + 1 && !(port = parsePort(host.substr(colon + 1)))) return false;
    host.resize(colon);
  }
  return !port || *port >= -1;
}

std::optional<ParsedUrl> parseUrl(std::string_view spec) {
  size_t limit = spec.size();
  while (limit > 0 && static_cast<unsigned char>(spec[limit - 1]) <= ' ') --limit;
  size_t start = 0;
  while (start < limit && static_cast<unsigned char>(spec[start]) <= ' ') ++start;
  if (limit - start >= 4) {
    std::string prefix(spec.substr(start, 4));
    for (char& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (prefix == "url:") start += 4;
  }
  ParsedUrl url;
  for (size_t i = start; i < limit && spec[i] != '/' && spec[i] != '#'; ++i) {
    if (spec[i] != ':') continue;
    std::string name(spec.substr(start, i - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (isValidProtocol(name)) {
      url.protocol = std::move(name);
      start = i + 1;
    }
    break;
  }
  const std::string& protocol = url.protocol;
  if (protocol != "http" && protocol != "https" && protocol != "ftp" && protocol != "file") {
    return std::nullopt;  // no protocol, or one java.net.URL has no handler for
  }
  if (const size_t hash = spec.find('#', start); hash != std::string_view::npos && hash < limit) {
    url.ref = std::string(spec.substr(hash + 1, limit - hash - 1));
    limit = hash;
  }
  if (start < limit) {
    if (const size_t mark = spec.find('?'); mark != std::string_view::npos && mark < limit) {
      url.query = std::string(spec.substr(mark + 1, limit - mark - 1));
      limit = mark;
    }
  }
  const std::string_view rest = spec.substr(0, limit);
  const bool uncName = limit - start >= 4 && rest.substr(start, 4) == "////";
  std::optional<std::string> path;
  if (!uncName && limit - start >= 2 && rest.substr(start, 2) == "//") {
    start += 2;
    const size_t end = std::min(rest.find('/', start), limit);
    url.authority = std::string(rest.substr(start, end - start));
    const std::string& authority = *url.authority;
    const size_t at = authority.find('@');
    if (at == std::string::npos) {
      url.host = authority;
    } else if (at == authority.rfind('@')) {
      url.userInfo = authority.substr(0, at);
      url.host = authority.substr(at + 1);
    }  // else: several '@', not a server-based authority; the host stays ''
    if (!splitHostAndPort(url.host)) return std::nullopt;
    start = end;
    if (!authority.empty()) path = "";
  }
  if (start < limit) {
    const std::string_view tail = rest.substr(start);
    path = (tail[0] == '/' || !url.authority) ? std::string(tail) : "/" + std::string(tail);
  }
  url.path = path.value_or("");
  return url;
}

std::optional<std::string> urlPart(std::string_view text, std::string_view part) {
  const std::optional<ParsedUrl> url = parseUrl(text);
  if (!url) return std::nullopt;
  if (part == "HOST") return url->host;
  if (part == "PATH") return url->path;
  if (part == "QUERY") return url->query;
  if (part == "REF") return url->ref;
  if (part == "PROTOCOL") return url->protocol;
  if (part == "FILE") return url->path + (url->query ? "?" + *url->query : "");
  if (part == "AUTHORITY") return url->authority;
  if (part == "USERINFO") return url->userInfo;
  return std::nullopt;
}

StringRef optionalResult(FunctionCall& call, const std::optional<std::string>& value) {
  if (!value) {
    call.setNull();
    return {};
  }
  return resultString(call, *value);
}

// PARSE_URL(url, part): part is HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY or USERINFO
// (case-sensitive); NULL for other parts, absent parts and URLs java.net.URL rejects.
StringRef parseUrlPart(FunctionCall& call, StringRef text, StringRef part) {
  return optionalResult(call, urlPart(text.view(), part.view()));
}

// PARSE_URL(url, 'QUERY', key): the value of the first `key=` parameter of the query.
StringRef parseUrlQueryValue(FunctionCall& call, StringRef text, StringRef part, StringRef key) {
  std::optional<std::string> query;
  if (part.view() == "QUERY") query = urlPart(text.view(), "QUERY");
  if (!query) return optionalResult(call, std::nullopt);
  const std::string wanted = std::string(key.view()) + "=";
  for (size_t at = 0; at <= query->size(); ++at) {
    if ((at == 0 || (*query)[at - 1] == '&') && query->compare(at, wanted.size(), wanted) == 0) {
      const size_t begin = at + wanted.size();
      const size_t end = std::min(query->find('&', begin), query->size());
      return resultString(call, std::string_view(*query).substr(begin, end - begin));
    }
  }
  return optionalResult(call, std::nullopt);
}

// URL_ENCODE(s): java.net.URLEncoder with UTF-8 ('a'-'z', 'A'-'Z', '0'-'9', '.', '-', '*', '_'
// kept, ' ' as '+', every other byte as %XX).
StringRef urlEncode(FunctionCall& call, StringRef text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text.view()) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '.' || c == '-' || c == '*' || c == '_') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return resultString(call, out);
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// URL_DECODE(s): java.net.URLDecoder with UTF-8 ('+' as ' ', %XX as bytes); NULL for a malformed
// escape, as Flink returns NULL when the decoder throws.
StringRef urlDecode(FunctionCall& call, StringRef text) {
  const std::string_view in = text.view();
  std::string bytes;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      bytes += ' ';
    } else if (in[i] != '%') {
      bytes += in[i];
    } else {
      if (i + 2 >= in.size()) return optionalResult(call, std::nullopt);
      const int high = hexValue(in[i + 1]);
      const int low = hexValue(in[i + 2]);
      if (high < 0 || low < 0) return optionalResult(call, std::nullopt);
      bytes += static_cast<char>(high * 16 + low);
      i += 2;
    }
  }
  std::string decoded;
  utf8::appendValid(decoded, bytes);
  return resultString(call, decoded);
}

}  // namespace

void registerStringUrl(ScalarFunctionRegistry& registry) {
  const Accepts strings = Accepts::strings();
  registry.add(
      returningNull(scalarKernel<&parseUrlPart>("PARSE_URL", {strings, strings}, strings)));
  registry.add(returningNull(
      scalarKernel<&parseUrlQueryValue>("PARSE_URL", {strings, strings, strings}, strings)));
  registry.add(scalarKernel<&urlEncode>("URL_ENCODE", {strings}, strings));
  registry.add(returningNull(scalarKernel<&urlDecode>("URL_DECODE", {strings}, strings)));
}

}  // namespace sluice::runtime::builtins
