package vnkey

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// typeCase is a string typed key by key and the text it must show.
type typeCase struct{ keys, want string }

func checkTyping(t *testing.T, m Method, cases []typeCase) {
	t.Helper()
	for _, c := range cases {
		got := TypeString(m, c.keys)
		if got != c.want {
			t.Errorf("%v %q: got %q, want %q", m, c.keys, got, c.want)
		}
		if !norm.NFC.IsNormalString(got) {
			t.Errorf("%v %q: %q is not NFC", m, c.keys, got)
		}
	}
}

func TestTelexMarksOnLowerAndUpperCase(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"aa", "â"}, {"AA", "Â"}, {"Aa", "Â"}, {"aA", "â"},
		{"aw", "ă"}, {"AW", "Ă"}, {"Aw", "Ă"},
		{"ee", "ê"}, {"EE", "Ê"}, {"Ee", "Ê"},
		{"oo", "ô"}, {"OO", "Ô"}, {"Oo", "Ô"},
		{"ow", "ơ"}, {"OW", "Ơ"}, {"Ow", "Ơ"},
		{"uw", "ư"}, {"UW", "Ư"}, {"Uw", "Ư"},
		{"dd", "đ"}, {"DD", "Đ"}, {"Dd", "Đ"}, {"dD", "đ"},
		{"tuw", "tư"}, {"tow", "tơ"}, {"TOW", "TƠ"},
		{"uown", "ươn"}, {"uwon", "ươn"}, {"uwown", "ươn"}, {"UOWN", "ƯƠN"},
		{"uow", "ươ"}, {"thuow", "thuơ"}, {"uwo", "ưo"},
		{"aaw", "ă"}, {"awa", "â"}, {"oow", "ơ"}, {"owo", "ô"},
	})
}

func TestTelexTonesOnLowerAndUpperCase(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"as", "á"}, {"af", "à"}, {"ar", "ả"}, {"ax", "ã"}, {"aj", "ạ"},
		{"AS", "Á"}, {"AF", "À"}, {"AR", "Ả"}, {"AX", "Ã"}, {"AJ", "Ạ"},
		{"As", "Á"}, {"Af", "À"}, {"Ar", "Ả"}, {"Ax", "Ã"}, {"Aj", "Ạ"},
		{"aas", "ấ"}, {"AWF", "Ằ"}, {"eer", "ể"}, {"EEX", "Ễ"}, {"ooj", "ộ"},
		{"OWS", "Ớ"}, {"uwf", "ừ"}, {"UWJ", "Ự"}, {"is", "í"}, {"Yx", "Ỹ"},
		{"asz", "a"}, {"ASZ", "A"}, {"eejz", "ê"}, {"asf", "à"}, {"afs", "á"},
		{"az", "az"}, {"baz", "baz"},
		{"ads", "ads"}, // "ad" is no syllable, so s stays a letter
	})
}

// TestTelexEveryToneOnEveryVowel checks all 12 vowels with all 5 tones in
// both cases against the Unicode composition of vowel and tone.
func TestTelexEveryToneOnEveryVowel(t *testing.T) {
	vowels := []struct{ keys, shown string }{
		{"a", "a"}, {"aw", "ă"}, {"aa", "â"}, {"e", "e"}, {"ee", "ê"}, {"i", "i"},
		{"o", "o"}, {"oo", "ô"}, {"ow", "ơ"}, {"u", "u"}, {"uw", "ư"}, {"y", "y"},
	}
	tones := []struct {
		telex, vni string
		comb       rune
	}{
		{"s", "1", '\u0301'}, {"f", "2", '\u0300'}, {"r", "3", '\u0309'}, {"x", "4", '\u0303'}, {"j", "5", '\u0323'},
	}
	vniMarks := map[string]string{"aw": "a8", "aa": "a6", "ee": "e6", "oo": "o6", "ow": "o7", "uw": "u7"}
	for _, v := range vowels {
		for _, tn := range tones {
			for _, upper := range []bool{false, true} {
				shown, keys := v.shown, v.keys
				vni, ok := vniMarks[keys]
				if !ok {
					vni = keys
				}
				if upper {
					shown, keys, vni = toUpper(shown), toUpper(keys), toUpper(vni)
				}
				want := norm.NFC.String(shown + string(tn.comb))
				if got := TypeString(Telex, keys+tn.telex); got != want {
					t.Errorf("Telex %q: got %q, want %q", keys+tn.telex, got, want)
				}
				if got := TypeString(VNI, vni+tn.vni); got != want {
					t.Errorf("VNI %q: got %q, want %q", vni+tn.vni, got, want)
				}
			}
		}
	}
}

func toUpper(s string) string {
	out := []rune(s)
	for i, r := range out {
		switch {
		case 'a' <= r && r <= 'z':
			out[i] = r - 'a' + 'A'
		case r == 'ă':
			out[i] = 'Ă'
		case r == 'â':
			out[i] = 'Â'
		case r == 'ê':
			out[i] = 'Ê'
		case r == 'ô':
			out[i] = 'Ô'
		case r == 'ơ':
			out[i] = 'Ơ'
		case r == 'ư':
			out[i] = 'Ư'
		}
	}
	return string(out)
}

func TestVNIMarksAndTonesOnLowerAndUpperCase(t *testing.T) {
	checkTyping(t, VNI, []typeCase{
		{"a6", "â"}, {"A6", "Â"}, {"e6", "ê"}, {"E6", "Ê"}, {"o6", "ô"}, {"O6", "Ô"},
		{"a8", "ă"}, {"A8", "Ă"}, {"o7", "ơ"}, {"O7", "Ơ"}, {"u7", "ư"}, {"U7", "Ư"},
		{"d9", "đ"}, {"D9", "Đ"}, {"uo7n", "ươn"}, {"u7o7n", "ươn"}, {"uon7", "ươn"},
		{"a1", "á"}, {"a2", "à"}, {"a3", "ả"}, {"a4", "ã"}, {"a5", "ạ"},
		{"A1", "Á"}, {"A2", "À"}, {"A3", "Ả"}, {"A4", "Ã"}, {"A5", "Ạ"},
		{"a61", "ấ"}, {"a16", "ấ"}, {"e65", "ệ"}, {"E56", "Ệ"}, {"o73", "ở"}, {"U74", "Ữ"},
		{"a10", "a"}, {"A20", "A"}, {"a12", "à"}, {"a0", "a0"},
		{"a86", "â"}, {"o67", "ơ"},
		{"a7", "a7"}, {"u8", "u8"}, {"e8", "e8"}, {"i6", "i6"}, {"b9", "b9"},
	})
}

func TestTelexWordsAndPhrases(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"Thanhf phoos Haj Long", "Thành phố Hạ Long"},
		{"Phoos coor Hooij An", "Phố cổ Hội An"},
		{"Banhs mif Quangr", "Bánh mì Quảng"},
		{"nguyeenx", "nguyễn"},
		{"Nguyeenx Vawn Awn", "Nguyễn Văn Ăn"},
		{"duwowngf", "dường"},
		{"dduwowngf", "đường"},
		{"dduowngf", "đường"},
		{"dduwongf", "đường"},
		{"Vieejt Nam", "Việt Nam"},
		{"VIEEJT NAM", "VIỆT NAM"},
		{"tieengs Vieejt", "tiếng Việt"},
		{"nguwowif", "người"},
		{"nguoiwf", "người"},
		{"dduwowcj", "được"},
		{"ruowuj", "rượu"},
		{"thuowr", "thuở"},
		{"giuwax", "giữa"},
		{"cuwar", "cửa"},
		{"muwa", "mưa"},
		{"muoons", "muốn"},
		{"tuaanf", "tuần"},
		{"quaanf", "quần"},
		{"hoawcj", "hoặc"},
		{"khuyeens", "khuyến"},
		{"Trung taam vawn hoas", "Trung tâm văn hóa"},
		{"DDawks Lawks", "Đắk Lắk"},
		{"quw", "quư"},
		{"Di sanr vawn hoas phi vaatj theer", "Di sản văn hóa phi vật thể"},
		{"Thaanf phoos saang taoj", "Thần phố sâng tạo"},
	})
}

func TestVNIWordsAndPhrases(t *testing.T) {
	checkTyping(t, VNI, []typeCase{
		{"Tha2nh pho61 Ha5 Long", "Thành phố Hạ Long"},
		{"Thanh2 pho61 Ha5 Long", "Thành phố Hạ Long"},
		{"Pho61 co63 Ho65i An", "Phố cổ Hội An"},
		{"Pho16 co36 Hoi56 An", "Phố cổ Hội An"},
		{"Ba1nh mi2 Qua3ng", "Bánh mì Quảng"},
		{"nguye6n4", "nguyễn"},
		{"nguyen64", "nguyễn"},
		{"d9u7o7ng2", "đường"},
		{"duong792", "đường"},
		{"duo7ng2", "dường"},
		{"Vie65t Nam", "Việt Nam"},
		{"Viet56 Nam", "Việt Nam"},
		{"VIET65 NAM", "VIỆT NAM"},
		{"nguoi72", "người"},
		{"d9uoc75", "được"},
		{"ruou75", "rượu"},
		{"thuo73", "thuở"},
		{"hoa2", "hòa"},
		{"hoan2", "hoàn"},
		{"thuy3", "thủy"},
		{"qua1", "quá"},
		{"gia1", "giá"},
		{"gio72", "giờ"},
		{"hoac85", "hoặc"},
		{"Trung ta6m va8n hoa1", "Trung tâm văn hóa"},
	})
}

// TestTonePlacement documents the classic rule chosen in the package
// comment.
func TestTonePlacement(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		// The vowel with a diacritic takes the tone; in ươ the ơ.
		{"tieengs", "tiếng"}, {"nguwowif", "người"}, {"muwaf", "mừa"}, {"khuaays", "khuấy"},
		{"tuooir", "tuổi"}, {"hieeus", "hiếu"}, {"yeeus", "yếu"}, {"cuwus", "cứu"},
		// Two or three vowels ending the syllable: the first of two, the
		// middle of three.
		{"hoaf", "hòa"}, {"thuyr", "thủy"}, {"khoer", "khỏe"}, {"mias", "mía"},
		{"muaf", "mùa"}, {"taif", "tài"}, {"daor", "dảo"}, {"hoaif", "hoài"},
		{"xoays", "xoáy"}, {"khuyur", "khuỷu"}, {"ngoeoj", "ngoẹo"}, {"uys", "úy"},
		// With a final consonant: the last vowel.
		{"toans", "toán"}, {"hoangf", "hoàng"}, {"huynhf", "huỳnh"}, {"thuyeenf", "thuyền"},
		{"hoachj", "hoạch"}, {"khoets", "khoét"},
		// gi and qu are consonants; i alone after g is the vowel.
		{"quas", "quá"}, {"quar", "quả"}, {"quys", "quý"}, {"quyeets", "quyết"},
		{"gias", "giá"}, {"giowf", "giờ"}, {"giuwax", "giữa"}, {"gif", "gì"}, {"ginf", "gìn"},
		{"giaf", "già"}, {"Quangr", "Quảng"},
	})
}

// TestToneMovesAsLettersArrive types the tone early; it must end up where it
// belongs in the finished word.
func TestToneMovesAsLettersArrive(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"hoafn", "hoàn"}, {"hoafng", "hoàng"}, {"hoafi", "hoài"}, {"thuyrn", "thuỷn"},
		{"thuyreen", "thuyển"}, {"tuofi", "tuòi"}, {"tofan", "toàn"}, {"mufa", "mùa"},
		{"ngoafi", "ngoài"}, {"quyfeen", "quyền"},
		{"qusa", "qusa"}, {"gisa", "giá"}, {"gifn", "gìn"},
	})
	checkTyping(t, VNI, []typeCase{
		{"ho2an", "hoàn"}, {"thu3yen6", "thuyển"}, {"to2an", "toàn"},
	})
	e := New(Telex)
	out, transformed := e.Type([]rune("hòa"), 'n')
	if string(out) != "hoàn" || !transformed {
		t.Errorf(`"hòa" + n: got %q, %v; want "hoàn", true`, string(out), transformed)
	}
}

func TestTypingTheKeyAgainUndoes(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"aaa", "aa"}, {"AAA", "AA"}, {"aww", "aw"}, {"eee", "ee"}, {"ooo", "oo"},
		{"oww", "ow"}, {"uww", "uw"}, {"ddd", "dd"}, {"DDD", "DD"},
		{"ass", "as"}, {"aff", "af"}, {"arr", "ar"}, {"axx", "ax"}, {"ajj", "aj"}, {"ASS", "AS"},
		{"uoww", "uow"}, {"uowwn", "uown"}, {"dduwoww", "đuow"},
		{"tieengss", "tiêngs"}, {"xooong", "xoong"}, {"Offfice", "Office"},
		{"aaaa", "aaa"}, {"asss", "ass"},
	})
	checkTyping(t, VNI, []typeCase{
		{"a11", "a1"}, {"a22", "a2"}, {"a33", "a3"}, {"a44", "a4"}, {"a55", "a5"},
		{"a66", "a6"}, {"a88", "a8"}, {"o77", "o7"}, {"u77", "u7"}, {"d99", "d9"},
		{"uo77", "uo7"}, {"A111", "A11"},
	})
}

func TestNonVietnameseWordsAreLeftAsTyped(t *testing.T) {
	// Typed with the space that ends them: a word that took a mark while
	// typed and then proved not to be Vietnamese is given back then.
	words := []string{
		"email", "json", "UNESCO", "Windows", "Facebook", "Zalo", "hello", "Microsoft",
		"PDF", "Adobe", "Telex", "Unikey", "address", "iPhone", "Python", "Linux", "GitHub",
		"docx", "xlsx", "pptx", "HTML", "css", "SQL", "Java", "banana", "Twitter",
		"new", "st", "js", "wifi", "e-mail", "Excel", "Google", "Carnaval", "Festival",
	}
	for _, w := range words {
		if got := TypeString(Telex, w+" "); got != w+" " {
			t.Errorf("Telex %q: got %q", w+" ", got)
		}
	}
	for _, w := range append(words, "www", "Zoom", "H2O", "mp3", "COVID-19", "Windows 10", "Win10", "B52", "Q1", "0123456789") {
		if got := TypeString(VNI, w+" "); got != w+" " {
			t.Errorf("VNI %q: got %q", w+" ", got)
		}
	}
}

// TestKnownLimitations pins down the foreign words that Unikey's rules turn
// into Vietnamese ones (their letters make a Vietnamese word, or the word
// is not ended by a space or punctuation), and the way to type them: the
// key once more.
func TestKnownLimitations(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"Excel", "Ễcl"}, {"Excel ", "Excel "}, {"Exxcel", "Excel"},
		{"Google", "Gôgle"}, {"Gooogle", "Google"},
		{"USA ", "ÚA "}, {"USSA ", "USA "},
		{"how ", "hơ "}, {"howw ", "how "},
		{"Office ", "Ofice "}, {"Offfice ", "Office "},
		{"DDR ", "ĐR "}, {"DDDR ", "DDR "},
		{"unesco.org", "unesco.ỏg"}, {"unesco.org ", "unesco.org "}, {"unesco.orrg", "unesco.org"},
		{"www ", "ww "}, {"wwww ", "www "}, {"Zoom ", "Zôm "},
		{"Kroongs ", "Kroongs "},
	})
	checkTyping(t, VNI, []typeCase{
		{"A4", "Ã"}, {"A44", "A4"}, {"U23", "Ủ"}, {"U223", "U23"},
	})
}

func TestNumbersAndPunctuationAreUntouched(t *testing.T) {
	checkTyping(t, Telex, []typeCase{
		{"Haf Nooij, 20/11/2024.", "Hà Nội, 20/11/2024."},
		{"(Vieejt Nam)!", "(Việt Nam)!"},
		{"1234567890 -+=*/ .,;:?!\"'()[]{}", "1234567890 -+=*/ .,;:?!\"'()[]{}"},
		{"a1s", "a1s"}, {"s1", "s1"}, {"12aa", "12aa"},
		{"tieengs-Vieejt", "tiếng-Việt"},
		{"\tHaf\nNooij ", "\tHà\nNội "},
	})
	checkTyping(t, VNI, []typeCase{
		{"Ha2 No65i, 20/11/2024.", "Hà Nội, 20/11/2024."},
		{"(Vie65t Nam)!", "(Việt Nam)!"},
		{"1234567890 -+=*/ .,;:?!\"'()[]{}", "1234567890 -+=*/ .,;:?!\"'()[]{}"},
		{"12a1", "12a1"}, {"Quy1 1", "Quý 1"}, {"Pho2ng 2A", "Phòng 2A"},
	})
}

// TestExternallyComposedText feeds words that another input method composed,
// in NFC or NFD.
func TestExternallyComposedText(t *testing.T) {
	cases := []struct {
		method      Method
		word        string
		key         rune
		want        string
		transformed bool
	}{
		{Telex, "Ha", 'j', "Hạ", true},
		{Telex, "Hạ", 'z', "Ha", true},
		{Telex, "Hạ", 'j', "Haj", true},
		{Telex, "Hạ", 's', "Há", true},
		{Telex, "Hạ", 'n', "Hạn", false},
		{Telex, "Việt", 's', "Viết", true},
		{Telex, "Việt", 'x', "Việtx", false}, // ngã cannot go with final t
		{Telex, "Viet", 'j', "Viẹt", true},
		{Telex, "Viẹt", 'e', "Việt", true}, // free marking: e marks the e of ie
		{Telex, "nguyên", 'x', "nguyễn", true},
		{Telex, "hoà", 'n', "hoàn", false}, // the "new style" tone stays
		{Telex, "thuỷ", 'z', "thuy", true},
		{Telex, "hoà", 's', "hóa", true}, // a tone key applies this engine's rule
		{Telex, "Đà", 'd', "Dàd", true},  // d again takes the bar back
		{Telex, norm.NFD.String("Hạ"), 'z', "Ha", true},
		{Telex, norm.NFD.String("Hạ"), 'n', norm.NFD.String("Hạ") + "n", false},
		{Telex, "Hà Nội", 's', "Hà Nộis", false}, // not a word
		{Telex, "naïve", 's', "naïves", false},
		{Telex, "Ñu", 's', "Ñus", false},
		{Telex, "日本", 's', "日本s", false},
		{VNI, "Ha", '5', "Hạ", true},
		{VNI, "Hạ", '0', "Ha", true},
		{VNI, "Hạ", '5', "Ha5", true},
		{VNI, "Viêt", '5', "Việt", true},
		{VNI, "duong", '9', "đuong", true},
	}
	for _, c := range cases {
		out, transformed := New(c.method).Type([]rune(c.word), c.key)
		if string(out) != c.want || transformed != c.transformed {
			t.Errorf("%v %q + %q: got %q, %v; want %q, %v", c.method, c.word, c.key, string(out), transformed, c.want, c.transformed)
		}
	}
}

// TestUntransformedOutputIsWordPlusKey checks the contract the caller relies
// on to insert the key instead of replacing the word.
func TestUntransformedOutputIsWordPlusKey(t *testing.T) {
	for _, m := range []Method{Telex, VNI} {
		e := New(m)
		for _, w := range []string{"", "a", "b", "ng", "Việt", "email", "hoà", "thuở", "x1", "ươn"} {
			for _, k := range "abdefjorswxz0123456789 .-Ê" {
				out, transformed := e.Type([]rune(w), k)
				if !transformed && string(out) != w+string(k) {
					t.Errorf("%v %q + %q: not transformed but got %q", m, w, k, string(out))
				}
				if transformed && string(out) == w+string(k) {
					t.Errorf("%v %q + %q: transformed but got word+key", m, w, k)
				}
				if transformed && !norm.NFC.IsNormalString(string(out)) {
					t.Errorf("%v %q + %q: %q is not NFC", m, w, k, string(out))
				}
			}
		}
	}
}

func TestTypeDoesNotModifyTheWord(t *testing.T) {
	word := make([]rune, 3, 10)
	copy(word, []rune("hoa"))
	out, _ := New(Telex).Type(word, 'f')
	if string(word) != "hoa" || string(out) != "hòa" {
		t.Errorf("word became %q, out %q", string(word), string(out))
	}
	out, _ = New(Telex).Type(word, 'n')
	out[0] = 'X'
	if string(word) != "hoa" {
		t.Errorf("out shares memory with word: word became %q", string(word))
	}
}

func TestWordStart(t *testing.T) {
	cases := []struct {
		text string
		want string
	}{
		{"", ""}, {"Hà Nội", "Nội"}, {"Hà Nội ", ""}, {"(Việt", "Việt"}, {"U2", "U2"},
		{"tiếng-Việt", "Việt"}, {"x " + norm.NFD.String("Hạ"), norm.NFD.String("Hạ")},
		{"20/11", "11"}, {"a.b", "b"},
	}
	for _, c := range cases {
		text := []rune(c.text)
		if got := string(text[WordStart(text):]); got != c.want {
			t.Errorf("WordStart(%q): word %q, want %q", c.text, got, c.want)
		}
	}
}

func TestMethodString(t *testing.T) {
	if Telex.String() != "Telex" || VNI.String() != "VNI" || New(VNI).Method() != VNI {
		t.Error("method names")
	}
}

// FuzzType checks the contract on arbitrary words and keys.
func FuzzType(f *testing.F) {
	for _, s := range []string{"", "hoa", "Việt", "nguyễn", "ươn", "thuở", "Ẽc", "gi", "qu", norm.NFD.String("Hạ"), "a\u0301\u0301"} {
		for _, k := range "afsw7d9 " {
			f.Add(s, k, false)
			f.Add(s, k, true)
		}
	}
	f.Fuzz(func(t *testing.T, word string, key rune, vni bool) {
		if !utf8.ValidString(word) || !utf8.ValidRune(key) {
			t.Skip()
		}
		m := Telex
		if vni {
			m = VNI
		}
		rs := []rune(word)
		out, transformed := New(m).Type(rs, key)
		plain := string(rs) + string(key)
		if !transformed && string(out) != plain {
			t.Fatalf("%v %q + %q: not transformed but got %q", m, word, key, string(out))
		}
		if transformed && (string(out) == plain || !norm.NFC.IsNormalString(string(out))) {
			t.Fatalf("%v %q + %q: transformed to %q", m, word, key, string(out))
		}
		if string(rs) != string([]rune(word)) {
			t.Fatalf("word modified")
		}
	})
}
