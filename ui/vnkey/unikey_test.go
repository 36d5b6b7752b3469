package vnkey

import "testing"

// unikeyTelex and unikeyVNI are keys and the text Unikey's engine shows
// for them with its default options (free marking, spelling check, Telex
// w alone for ư, classic tone placement, non-Vietnamese words restored),
// each worked out from its source. A trailing space ends the word, which
// is when a word that is not Vietnamese is given back as typed.
var unikeyTelex = []typeCase{
	// Tones and vowels.
	{"as", "á"}, {"af", "à"}, {"ar", "ả"}, {"ax", "ã"}, {"aj", "ạ"},
	{"aws", "ắ"}, {"awf", "ằ"}, {"awr", "ẳ"}, {"awx", "ẵ"}, {"awj", "ặ"},
	{"aas", "ấ"}, {"aaf", "ầ"}, {"aar", "ẩ"}, {"aax", "ẫ"}, {"aaj", "ậ"},
	{"es", "é"}, {"eef", "ề"}, {"eer", "ể"}, {"eex", "ễ"}, {"eej", "ệ"},
	{"is", "í"}, {"if", "ì"}, {"ir", "ỉ"}, {"ix", "ĩ"}, {"ij", "ị"},
	{"os", "ó"}, {"oos", "ố"}, {"oof", "ồ"}, {"ows", "ớ"}, {"owj", "ợ"},
	{"us", "ú"}, {"uws", "ứ"}, {"uwf", "ừ"}, {"uwr", "ử"}, {"uwx", "ữ"},
	{"ys", "ý"}, {"yf", "ỳ"}, {"yr", "ỷ"}, {"yx", "ỹ"}, {"yj", "ỵ"},
	{"asz", "a"}, {"ass", "as"}, {"aff", "af"}, {"aaa", "aa"}, {"aww", "aw"},
	{"eee", "ee"}, {"ooo", "oo"}, {"oww", "ow"}, {"uww", "uw"}, {"ddd", "dd"},
	// Words, marks after their letters or at the end.
	{"Thanhf phoos Hoof Chis Minh", "Thành phố Hồ Chí Minh"},
	{"Haf Nooij", "Hà Nội"}, {"DDaf Nawngx", "Đà Nẵng"}, {"Hooij An", "Hội An"},
	{"Haj Long", "Hạ Long"}, {"Caanf Thow", "Cần Thơ"}, {"Hair Phongf", "Hải Phòng"},
	{"Quangr Ninh", "Quảng Ninh"}, {"Thuwaf Thieen Huees", "Thừa Thiên Huế"},
	{"Khanhs Hoaf", "Khánh Hòa"}, {"Bawcs Ninh", "Bắc Ninh"}, {"Ngheej An", "Nghệ An"},
	{"DDieenj Bieen", "Điện Biên"}, {"Laof Cai", "Lào Cai"}, {"Quy Nhown", "Quy Nhơn"},
	{"Buoon Ma Thuootj", "Buôn Ma Thuột"}, {"Phus Quoocs", "Phú Quốc"},
	{"vawn hoas", "văn hóa"}, {"di sanr", "di sản"}, {"ngheej thuaatj", "nghệ thuật"},
	{"aam nhacj", "âm nhạc"}, {"aamr thuwcj", "ẩm thực"}, {"thur coong", "thủ công"},
	{"myx thuaatj", "mỹ thuật"}, {"ddieenj anhr", "điện ảnh"}, {"thieets kees", "thiết kế"},
	{"vawn hocj", "văn học"}, {"truyeenf thoongs", "truyền thống"}, {"leex hooij", "lễ hội"},
	{"baor tangf", "bảo tàng"}, {"nhaf hats", "nhà hát"}, {"nguwowif daan", "người dân"},
	{"dduwowcj", "được"}, {"nhuwngx", "những"}, {"truwowngf hocj", "trường học"},
	{"khuyeens khichs", "khuyến khích"}, {"quyeets ddinhj", "quyết định"},
	{"ddanhs gias", "đánh giá"}, {"doanh nghieepj", "doanh nghiệp"},
	{"Nguyeenx", "Nguyễn"}, {"hoaf", "hòa"}, {"hoafn", "hoàn"}, {"thuyr", "thủy"},
	{"khoer", "khỏe"}, {"quas", "quá"}, {"gif", "gì"}, {"ginf", "gìn"}, {"gias", "giá"},
	{"giowf", "giờ"}, {"khuyur", "khuỷu"}, {"hoaif", "hoài"}, {"toans", "toán"},
	{"giuwax", "giữa"}, {"thuowr", "thuở"}, {"ruowuj", "rượu"}, {"tieengs", "tiếng"},
	{"Vietej", "Việt"}, {"Vieetj", "Việt"}, {"nguoiwf", "người"}, {"dduongwf", "đường"},
	{"tuaanf", "tuần"}, {"quaanf", "quần"}, {"hoawcj", "hoặc"}, {"Quyfnh", "Quỳnh"},
	{"gieengs", "giếng"}, {"xoays", "xoáy"}, {"Vieetjj", "Viêtj"},
	// w alone gives ư; w again takes it back.
	{"mwcj", "mực"}, {"Hwng", "Hưng"}, {"ngwowif", "người"}, {"thwcj", "thực"},
	{"tw", "tư"}, {"sw", "sư"}, {"cwr", "cử"}, {"nhwng", "nhưng"}, {"mwa", "mưa"},
	{"tuwj", "tự"}, {"Dduwcs", "Đức"}, {"thwowng", "thương"}, {"trwowngf", "trường"},
	{"nwowcs", "nước"}, {"Hwowng", "Hương"}, {"thw vieenj", "thư viện"},
	{"w", "ư"}, {"W", "Ư"}, {"ww", "w"}, {"nw", "nư"}, {"quw", "quư"}, {"www ", "ww "},
	// Upper and mixed case.
	{"VIEETJ NAM", "VIỆT NAM"}, {"THANHF PHOOS", "THÀNH PHỐ"}, {"DDAF NAWNGX", "ĐÀ NẴNG"},
	{"HOOIJ AN", "HỘI AN"}, {"HWNG", "HƯNG"}, {"NGUWOWIF", "NGƯỜI"}, {"ViEeTj", "ViỆT"},
	{"Dd", "Đ"}, {"dD", "đ"}, {"Aa", "Â"}, {"Uw", "Ư"},
	// Abbreviations and document numbers: dd gives đ after a consonant.
	{"QDD", "QĐ"}, {"QDD-UBND", "QĐ-UBND"}, {"838/QDD-BXD", "838/QĐ-BXD"},
	{"30/2020/NDD-CP", "30/2020/NĐ-CP"}, {"NDD-CP", "NĐ-CP"}, {"TT-BVHTTDL", "TT-BVHTTDL"},
	{"04/2023/TT-BVHTTDL", "04/2023/TT-BVHTTDL"}, {"TTDD", "TTĐ"}, {"UBND", "UBND"},
	{"HDND", "HDND"}, {"HDDND", "HĐND"}, {"DDHQG", "ĐHQG"}, {"QDD-TTg", "QĐ-TTg"},
	{"CT-TTg", "CT-TTg"}, {"1234/UBND-VX", "1234/UBND-VX"}, {"SDDT", "SĐT"},
	{"GD&DDT", "GD&ĐT"}, {"SVHTTDL", "SVHTTDL"}, {"KH-UBND", "KH-UBND"}, {"VBHN", "VBHN"},
	{"DDDR ", "DDR "},
	// Foreign words: left alone, or given back when they end.
	{"Carnaval", "Cẩnval"}, {"Carnaval ", "Carnaval "}, {"Festival ", "Festival "},
	{"Hue ", "Hue "}, {"Hues", "Húe"}, {"Hues ", "Hues "}, {"design", "déign"},
	{"design ", "design "}, {"media ", "media "}, {"Google", "Gôgle"}, {"Google ", "Google "},
	{"Facebook ", "Facebook "}, {"UNESCO ", "UNESCO "}, {"email ", "email "},
	{"Excel", "Ễcl"}, {"Excel ", "Excel "}, {"Word ", "Word "}, {"Music ", "Music "},
	{"film ", "film "}, {"Jazz ", "Jazz "}, {"video ", "video "}, {"studio ", "studio "},
	{"Creative Cities ", "Creative Cities "}, {"Network ", "Network "}, {"France ", "France "},
	{"English ", "English "}, {"YouTube ", "YouTube "}, {"Zalo ", "Zalo "},
	{"TikTok ", "TikTok "}, {"Instagram ", "Instagram "}, {"Carnival ", "Carnival "},
	{"cafe ", "cafe "}, {"menu ", "menu "}, {"hotel ", "hotel "}, {"karaoke ", "karaoke "},
	{"internet ", "internet "}, {"online ", "online "}, {"website ", "website "},
	{"Twitter ", "Twitter "}, {"Windows ", "Windows "}, {"banana ", "banana "},
	{"Paris ", "Pái "}, {"USA ", "ÚA "}, {"Zoom ", "Zôm "}, {"Wi-Fi", "Ưi-Fi"},
	{"Carnaval.", "Carnaval."}, {"Google,", "Google,"}, {"(Excel)", "(Excel)"},
	// E-mail addresses, numbers and units.
	{"vanhoa@gmail.com", "vanhoa@gmail.com"}, {"sovhttdl@quangninh.gov.vn", "sovhttdl@quangninh.gov.vn"},
	{"info@hoian.gov.vn", "info@hoian.gov.vn"}, {"25km", "25km"}, {"100 m2", "100 m2"},
	{"1.500 ha", "1.500 ha"}, {"30%", "30%"}, {"5 tyr ddoongf", "5 tỷ đồng"},
	{"20 trieeuj", "20 triệu"}, {"2.000 nguwowif", "2.000 người"}, {"3 ngayf", "3 ngày"},
	{"12 thangs", "12 tháng"}, {"50 USD ", "50 USD "}, {"COVID-19", "COVID-19"},
	{"a1s", "a1s"}, {"12aa", "12aa"},
}

var unikeyVNI = []typeCase{
	{"Tha2nh pho61 Ha5 Long", "Thành phố Hạ Long"}, {"d9u7o7ng2", "đường"},
	{"duong792", "đường"}, {"Vie65t Nam", "Việt Nam"}, {"nguoi72", "người"},
	{"Hu7ng", "Hưng"}, {"a11", "a1"}, {"d99", "d9"}, {"QD9", "QĐ"},
	{"838/QD9-BXD", "838/QĐ-BXD"}, {"30/2020/ND9-CP", "30/2020/NĐ-CP"},
	{"Carnaval ", "Carnaval "}, {"Ca3naval", "Cảnaval"}, {"Ca3naval ", "Ca3naval "},
	{"Festival ", "Festival "}, {"www ", "www "}, {"Windows 10", "Windows 10"},
	{"U23", "Ủ"}, {"U223", "U23"}, {"uo7", "ươ"}, {"thuo73", "thuở"}, {"a8", "ă"},
	{"o8", "o8"}, {"a7", "a7"},
}

func TestTypesAsUnikey(t *testing.T) {
	if n := len(unikeyTelex) + len(unikeyVNI); n < 200 {
		t.Fatalf("only %d cases", n)
	}
	checkTyping(t, Telex, unikeyTelex)
	checkTyping(t, VNI, unikeyVNI)
}
