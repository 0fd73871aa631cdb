package printer

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// appendf appends what fmt.Sprintf(format, args...) gives to dst, for
// the formats the printers use most: the verbs d, s, v, x, X, c and %%,
// with the flags '-' and '0' and a width, applied to Go's basic integer
// types, strings and (for s and v) errors and fmt.Stringers. It reports
// false, with dst's new bytes meaningless, on anything else (other
// verbs or flags, a precision, an argument index, other types, a missing
// or extra argument), which the caller then hands to fmt itself.
func appendf(dst []byte, format string, args []any) ([]byte, bool) {
	n := 0 // next argument
	for i := 0; i < len(format); {
		if format[i] != '%' {
			j := strings.IndexByte(format[i:], '%')
			if j < 0 {
				dst = append(dst, format[i:]...)
				break
			}
			dst = append(dst, format[i:i+j]...)
			i += j
			continue
		}
		i++
		var minus, zero bool
	flags:
		for ; i < len(format); i++ {
			switch format[i] {
			case '-':
				minus, zero = true, false
			case '0':
				zero = !minus
			default:
				break flags
			}
		}
		wid := 0
		for ; i < len(format) && '0' <= format[i] && format[i] <= '9'; i++ {
			wid = wid*10 + int(format[i]-'0')
			if wid > 1e4 {
				return dst, false
			}
		}
		if i >= len(format) {
			return dst, false
		}
		verb := format[i]
		i++
		if verb == '%' {
			if minus || zero || wid > 0 {
				return dst, false
			}
			dst = append(dst, '%')
			continue
		}
		if n >= len(args) {
			return dst, false
		}
		arg := args[n]
		n++
		start := len(dst)
		switch verb {
		case 'd', 'v', 'x', 'X':
			u, neg, ok := intArg(arg)
			if !ok {
				if verb != 'v' {
					return dst, false
				}
				var s string
				if s, ok = stringArg(arg); !ok || zero {
					return dst, false
				}
				dst = append(dst, s...)
				dst = padRunes(dst, start, wid, minus)
				continue
			}
			base := 10
			switch verb {
			case 'x':
				base = 16
			case 'X':
				base = -16
			}
			dst = appendInt(dst, u, neg, base, wid, zero && !minus)
			dst = padRunes(dst, start, wid, minus)
		case 's':
			s, ok := stringArg(arg)
			if !ok || zero {
				return dst, false
			}
			dst = append(dst, s...)
			dst = padRunes(dst, start, wid, minus)
		case 'c':
			u, neg, ok := intArg(arg)
			if !ok || wid > 0 || minus || zero {
				return dst, false
			}
			r := rune(utf8.RuneError)
			if !neg && u <= utf8.MaxRune {
				r = rune(u)
			}
			dst = utf8.AppendRune(dst, r)
		default:
			return dst, false
		}
	}
	return dst, n == len(args)
}

// intArg returns the magnitude and sign of an argument of one of Go's
// basic integer types.
func intArg(a any) (u uint64, neg, ok bool) {
	var v int64
	switch a := a.(type) {
	case int:
		v = int64(a)
	case int8:
		v = int64(a)
	case int16:
		v = int64(a)
	case int32:
		v = int64(a)
	case int64:
		v = a
	case uint:
		return uint64(a), false, true
	case uint8:
		return uint64(a), false, true
	case uint16:
		return uint64(a), false, true
	case uint32:
		return uint64(a), false, true
	case uint64:
		return a, false, true
	default:
		return 0, false, false
	}
	if v < 0 {
		return uint64(-v), true, true
	}
	return uint64(v), false, true
}

// stringArg returns what %s prints for a string, an error or a
// fmt.Stringer that is not a fmt.Formatter. A method that panics (a nil
// pointer's) is left to fmt, which prints its own text for it.
func stringArg(a any) (s string, ok bool) {
	if s, ok := a.(string); ok {
		return s, true
	}
	defer func() {
		if recover() != nil {
			s, ok = "", false
		}
	}()
	switch a := a.(type) {
	case fmt.Formatter:
		return "", false
	case error:
		return a.Error(), true
	case fmt.Stringer:
		return a.String(), true
	}
	return "", false
}

// appendInt appends u (negated when neg) in base 10, 16 or -16 (upper
// case), with zeros after the sign up to width wid when zero is set, as
// fmt does.
func appendInt(dst []byte, u uint64, neg bool, base, wid int, zero bool) []byte {
	if neg {
		dst = append(dst, '-')
		wid--
	}
	if base == 10 {
		if !zero || wid <= 1 {
			return strconv.AppendUint(dst, u, 10)
		}
		n := 1
		for v := u; v >= 10; v /= 10 {
			n++
		}
		for ; wid > n; wid-- {
			dst = append(dst, '0')
		}
		return strconv.AppendUint(dst, u, 10)
	}
	n := 1
	for v := u >> 4; v != 0; v >>= 4 {
		n++
	}
	if zero {
		for ; wid > n; wid-- {
			dst = append(dst, '0')
		}
	}
	digits := "0123456789abcdef"
	if base < 0 {
		digits = "0123456789ABCDEF"
	}
	end := len(dst) + n
	dst = append(dst, "0000000000000000"[:n]...)
	for i := end - 1; i >= end-n; i-- {
		dst[i] = digits[u&15]
		u >>= 4
	}
	return dst
}

// padRunes pads dst[start:] with spaces to wid runes, on the right when
// minus is set, as fmt pads a field.
func padRunes(dst []byte, start, wid int, minus bool) []byte {
	if wid == 0 {
		return dst
	}
	n := wid - utf8.RuneCount(dst[start:])
	if n <= 0 {
		return dst
	}
	for k := 0; k < n; k++ {
		dst = append(dst, ' ')
	}
	if !minus {
		copy(dst[start+n:], dst[start:len(dst)-n])
		for k := start; k < start+n; k++ {
			dst[k] = ' '
		}
	}
	return dst
}

// sprintf is fmt.Sprintf, with appendf's fast path.
func sprintf(format string, args ...any) string {
	var buf [128]byte
	if b, ok := appendf(buf[:0], format, args); ok {
		return string(b)
	}
	return fmt.Sprintf(format, args...)
}
