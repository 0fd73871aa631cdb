package parser_test

import (
	"fmt"

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
