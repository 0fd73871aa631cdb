package parser_test

import (
	"fmt"
	"os"

	"github.com/gocap/gocap/parser"
)

func ExampleParse() {
	x, err := parser.Parse("tcp dst port 80 or 443")
	if err != nil {
		fmt.Println(err)
		return
	}
	or := x.(*parser.BinaryExpr)
	second := or.Y.(*parser.Primitive)
	fmt.Println(second.ID.Text, second.Inherited, second.Q.Proto, second.Q.Dir, second.Q.Addr)

	_, err = parser.Parse("port 1.2.3.4")
	fmt.Println(err.(*parser.Error).Caret("port 1.2.3.4"))
	// Output:
	// 443 true tcp dst port
	// filter:1:6: 'port' qualifier applied to IPv4 address
	//     port 1.2.3.4
	//          ^~~~~~~
}

// ExprString shows how the parser grouped an expression, with every
// qualifier a primitive inherited written out.
func ExampleExprString() {
	const expr = "host a or b and port 80"
	x, err := parser.Parse(expr)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(parser.ExprString(expr, x))
	// Output:
	// ((host a or host b) and port 80)
}

// Column and Caret count characters where Error's text counts bytes, so
// the caret is one character wide under the two-byte 'ö'; Kind tells a
// syntax error from the code generator's errors.
func ExampleError_Column() {
	const expr = "host ö"
	_, err := parser.Parse(expr)
	perr := err.(*parser.Error)
	fmt.Println(perr.Kind, perr.Column(expr))
	fmt.Println(perr.Caret(expr))
	// Output:
	// syntax 6
	// filter:1:6: can't parse filter expression: syntax error: unexpected character "ö"
	//     host ö
	//          ^
}

// Fprint shows the tree with every primitive's qualifiers and where each
// came from.
func ExampleFprint() {
	const expr = "tcp port 80 or 443"
	x, err := parser.Parse(expr)
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := parser.Fprint(os.Stdout, expr, x); err != nil {
		fmt.Println(err)
	}
	// Output:
	// reading: (tcp port 80 or tcp port 443)
	// or                                     0:18  "tcp port 80 or 443"
	//   primitive tcp port 80                0:11  "tcp port 80"
	//     proto tcp (written), dir src or dst (default), type port (written); id number "80"
	//   primitive tcp port 443              15:18  "443"
	//     proto tcp (inherited), dir src or dst (default, inherited), type port (inherited); id number "443"
}
