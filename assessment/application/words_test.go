package application

import "testing"

func TestWordsAreCountedAsTheFormCountsThem(t *testing.T) {
	for text, want := range map[string]int{
		"":                                   0,
		"  \n\t ":                            0,
		"Ha Long lies on the bay.":           6,
		"Ha Long — a UNESCO site":            5,
		"well-known, 1,119 km²\nsecond line": 5,
		"Hạ Long có 300.000 dân":             5,
	} {
		if got := Words(text); got != want {
			t.Errorf("Words(%q) = %d, want %d", text, got, want)
		}
	}
	s := &Section{WordLimit: 3}
	if s.Over("one two three") || !s.Over("one two three four") || (&Section{}).Over("one two") {
		t.Error("Over does not follow the limit")
	}
}
