package vnkey_test

import (
	"fmt"

	"creativecity/ui/vnkey"
)

// A text entry passes the word before the caret and the typed key, then
// replaces the word or inserts the key.
func ExampleEngine_Type() {
	e := vnkey.New(vnkey.Telex)
	text := []rune("Phố cổ Hôi")
	start := vnkey.WordStart(text)
	if out, transformed := e.Type(text[start:], 'j'); transformed {
		text = append(text[:start], out...)
	} else {
		text = append(text, 'j')
	}
	fmt.Println(string(text))
	// Output: Phố cổ Hội
}

func ExampleTypeString() {
	fmt.Println(vnkey.TypeString(vnkey.Telex, "Thanhf phoos Haj Long, 2024"))
	fmt.Println(vnkey.TypeString(vnkey.VNI, "Thanh2 pho61 Ha5 Long, 2024"))
	fmt.Println(vnkey.TypeString(vnkey.Telex, "email json UNESCO"))
	// Output:
	// Thành phố Hạ Long, 2024
	// Thành phố Hạ Long, 2024
	// email json UNESCO
}
